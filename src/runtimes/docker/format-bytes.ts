// Sizes in the run's record as people read them ("1.1 GiB", "3 MiB", "512 bytes"): one decimal at
// most, binary units, as Docker and bench's limits are set in them.

const UNITS = ["bytes", "KiB", "MiB", "GiB", "TiB"] as const;

export function formatBytes(bytes: number): string {
  let value = bytes;
  let unit = 0;
  while (Math.abs(value) >= 1024 && unit < UNITS.length - 1) {
    value /= 1024;
    unit++;
  }
  if (unit === 0) return bytes === 1 ? "1 byte" : `${bytes} bytes`;
  const shown = String(Number(value.toFixed(1)));
  return `${shown} ${UNITS[unit]}`;
}
