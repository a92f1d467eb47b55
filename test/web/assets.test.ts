import vm from 'node:vm';
import { loadAssets } from '../../src/api/web/assets';

describe('the static files', () => {
  const { assets, page } = loadAssets();

  it('are the stylesheet, Chart.js, the catalogue script and the icon, under URLs that name their content', () => {
    expect([page.css, ...page.scripts, page.icon].map((u) => u.replace(/^\/assets\/[\w-]{12}\//, ''))).toEqual(['catalogue.css', 'chart.umd.min.js', 'catalogue.js', 'favicon.svg']);
    expect([...assets.keys()].sort()).toEqual([page.css, ...page.scripts, page.icon].sort());
  });

  it('the scripts compile as they are served (the catalogue script is kept in a string)', () => {
    for (const url of page.scripts) expect(() => new vm.Script(assets.get(url)!.body.toString('utf8'), { filename: url })).not.toThrow();
    expect(assets.get(page.scripts[1])!.body.toString('utf8')).toContain("document.getElementById('filters')");
  });
});
