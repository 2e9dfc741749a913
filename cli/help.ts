// `--set` help generated from the parameter table (metadata lives once, in sim/schema/params.ts).
import { PARAMS } from '../sim/index.ts';

export function setHelp(): string {
  const lines = ['', 'Model parameters for --set (name=value; range; default):'];
  for (const [key, spec] of Object.entries(PARAMS)) {
    const range = spec.kind === 'enum' ? spec.options.join('|') : `${spec.min}…${spec.max}`;
    lines.push(`  ${key.padEnd(22)} ${spec.label.en} (${range}; default ${spec.default}${spec.unit ? `; ${spec.unit}` : ''})`);
  }
  lines.push('', "Scenario fields can be set by path too: opgave.landscape.interdependence=7, actors.0.resources=2, groups.0.count=500,",
    "or by a scenario's alias (e.g. actors=5000 for synthetisch).");
  return lines.join('\n');
}
