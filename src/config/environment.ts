// Every environment variable breachfeed reads, with its default, as the settings table lists
// them. Tests hold the sources, README, the example config and docker-compose.yml to this list,
// so no variable is read without being documented, and a deployment cannot set one that
// nothing reads.
import { SETTINGS } from './settings-table';

export interface EnvironmentSetting {
  /** As documented; '-' when unset means "not used". */
  default: string;
  description: string;
}

function buildEnvironment(): Record<string, EnvironmentSetting> {
  const rows = new Map<string, { defaults: string[]; docs: string[] }>();
  for (const s of SETTINGS) {
    for (const name of s.env) {
      const row = rows.get(name) ?? { defaults: [], docs: [] };
      row.defaults.push(s.default === null || s.default === false ? '-' : String(s.default));
      row.docs.push(s.doc);
      rows.set(name, row);
    }
  }
  // A variable behind several settings (BREACHFEED_ATTEMPTS: one per queue) shows each default.
  return Object.fromEntries([...rows].map(([name, r]) => [name, { default: r.defaults.join(' / '), description: r.docs[0] }]));
}

export const ENVIRONMENT: Readonly<Record<string, EnvironmentSetting>> = buildEnvironment();
