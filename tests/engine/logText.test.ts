// Generated log lines agree in number with their count (ODD.md §7.9): "1 deelnemer", "3 deelnemers".
import { describe, expect, it } from 'vitest';
import { counted, projectText } from '../../sim/engine/log.ts';

describe('log texts by number', () => {
  it('counted picks singular for exactly one, plural otherwise', () => {
    expect(counted(1, 'deelnemer', 'deelnemers')).toBe('1 deelnemer');
    expect(counted(0, 'deelnemer', 'deelnemers')).toBe('0 deelnemers');
    expect(counted(2, 'member', 'members')).toBe('2 members');
  });

  it('a project started or dissolved with one member says so in the singular', () => {
    expect(projectText('started', 'Gemeente', 1, 0)).toEqual({
      nl: 'Project van Gemeente gestart met 1 deelnemer',
      en: 'Project by Gemeente started with 1 member',
    });
    expect(projectText('dissolved', 'Gemeente', 1, 0)).toEqual({
      nl: 'Project van Gemeente komt niet van de grond (1 deelnemer)',
      en: 'Project by Gemeente fails to start (1 member)',
    });
  });

  it('larger projects keep the plural, delivery reports effectiveness', () => {
    expect(projectText('started', 'Woonbond', 4, 0).nl).toBe('Project van Woonbond gestart met 4 deelnemers');
    expect(projectText('dissolved', 'Woonbond', 3, 0).en).toBe('Project by Woonbond fails to start (3 members)');
    expect(projectText('delivered', 'Woonbond', 4, 0.42)).toEqual({
      nl: 'Project van Woonbond afgerond, effectiviteit 42 %',
      en: 'Project by Woonbond delivered, effectiveness 42 %',
    });
  });
});
