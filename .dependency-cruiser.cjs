// The layers of breachfeed, bottom to top; a module imports only from layers below its own.
// `npm test` runs this check first (`npm run layers`): a cycle or an upward import fails CI.
const LAYERS = [
  ['src/types\\.ts', 'src/errors\\.ts', 'src/logger\\.ts'],
  ['src/ingest/', 'src/store/'],
  ['src/extract/', 'src/api/', 'src/config/', 'src/demo/'],
  ['src/pipeline/'],
  ['workers/'],
  ['src/cli/'],
];

const anyOf = (paths) => `^(${paths.join('|')})`;

module.exports = {
  forbidden: [
    {
      name: 'no-circular',
      severity: 'error',
      comment: 'Modules that import each other cannot be understood, tested or moved apart.',
      from: {},
      to: { circular: true },
    },
    ...LAYERS.flatMap((layer, level) => layer.map((from) => ({
      from,
      above: [...LAYERS.slice(level + 1).flat(), ...layer.filter((other) => other !== from)],
    }))).filter(({ above }) => above.length > 0).map(({ from, above }) => ({
      name: `layer-${from.replace(/\W+/g, '-').replace(/-+$/, '')}`,
      severity: 'error',
      comment: `${from} may import only from the layers below it (and from itself).`,
      from: { path: `^${from}` },
      to: { path: anyOf(above) },
    })),
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    includeOnly: '^(src|workers)/',
    tsPreCompilationDeps: true,
    tsConfig: { fileName: 'tsconfig.json' },
  },
};
