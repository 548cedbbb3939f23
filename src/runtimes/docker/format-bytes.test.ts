import { describe, expect, it } from "vitest";
import { formatBytes } from "./format-bytes.js";

describe("formatBytes", () => {
  it("uses binary units with one decimal at most", () => {
    expect(formatBytes(1)).toBe("1 byte");
    expect(formatBytes(512)).toBe("512 bytes");
    expect(formatBytes(1024)).toBe("1 KiB");
    expect(formatBytes(3 * 1024 ** 2)).toBe("3 MiB");
    expect(formatBytes(1.1 * 1024 ** 3)).toBe("1.1 GiB");
    expect(formatBytes(1.04 * 1024 ** 3)).toBe("1 GiB");
    expect(formatBytes(2 * 1024 ** 5)).toBe("2048 TiB");
  });
});
