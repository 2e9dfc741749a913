// Sector colours for imported scenarios, in order of first appearance: a fixed list (d3's
// category10, then darker tones), so the same file always gets the same colours.
export const SECTOR_PALETTE: readonly string[] = [
  '#1f77b4', '#ff7f0e', '#2ca02c', '#d62728', '#9467bd', '#8c564b', '#e377c2', '#7f7f7f', '#bcbd22', '#17becf',
  '#393b79', '#637939', '#8c6d31', '#843c39', '#7b4173', '#3182bd',
];

export function sectorColour(index: number): string {
  return SECTOR_PALETTE[index % SECTOR_PALETTE.length];
}
