/** Page sizes and units of a document definition (openMairie stores millimetres and « R-G-B » colours). */
const POINTS_PER_MM = 72 / 25.4;
export const pt = (mm: number): number => mm * POINTS_PER_MM;

/** Width × height in mm, portrait. */
const FORMATS: Record<string, readonly [number, number]> = {
  A3: [297, 420],
  A4: [210, 297],
  A5: [148, 210],
  LETTER: [215.9, 279.4],
};

/** The page size in points for a format (A4 when unknown) and an orientation (`L` = landscape). */
export function pageSize(format: string, orientation: string): [number, number] {
  const [width, height] = FORMATS[format.trim().toUpperCase()] ?? FORMATS['A4'] ?? [210, 297];
  return orientation.trim().toUpperCase() === 'L' ? [pt(height), pt(width)] : [pt(width), pt(height)];
}

/** « 0-0-0 » → [0, 0, 0]; black when unreadable. */
export function rgb(value: unknown, fallback: [number, number, number] = [0, 0, 0]): [number, number, number] {
  const parts = String(value ?? '').split('-').map((part) => Number(part.trim()));
  if (parts.length !== 3 || parts.some((part) => !Number.isInteger(part) || part < 0 || part > 255)) return fallback;
  return [parts[0] ?? 0, parts[1] ?? 0, parts[2] ?? 0];
}

/** openMairie's border spec: `1` all sides, `0` or empty none, else any of L, T, R, B. */
export function borderSides(spec: string): { left: boolean; top: boolean; right: boolean; bottom: boolean } {
  const value = spec.trim().toUpperCase();
  if (value === '1') return { left: true, top: true, right: true, bottom: true };
  return { left: value.includes('L'), top: value.includes('T'), right: value.includes('R'), bottom: value.includes('B') };
}

/** `L`, `C`, `R`, `J` → pdfkit's alignment. */
export function alignmentOf(code: string | undefined, fallback: 'left' | 'center' | 'right' | 'justify' = 'left'): 'left' | 'center' | 'right' | 'justify' {
  switch ((code ?? '').trim().toUpperCase()) {
    case 'L': return 'left';
    case 'C': return 'center';
    case 'R': return 'right';
    case 'J': return 'justify';
    default: return fallback;
  }
}
