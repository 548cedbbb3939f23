import { describe, expect, it } from "vitest";
import { escapeHtml, html, trustedHtml } from "./html.js";

describe("escapeHtml", () => {
  it("escapes the characters that end text or an attribute, and drops control characters", () => {
    expect(escapeHtml(`<script>alert("x")</script>`)).toBe(
      "&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;",
    );
    expect(escapeHtml(`a' onmouseover='b \`c\` & d`)).toBe("a&#39; onmouseover=&#39;b &#96;c&#96; &amp; d");
    expect(escapeHtml("bell\u0007 nul\u0000 esc\u001b[31m tab\tnewline\n")).toBe(
      "bell nul esc[31m tab\tnewline\n",
    );
    // Already-escaped text is escaped again: what the agent wrote is what the page shows.
    expect(escapeHtml("&lt;")).toBe("&amp;lt;");
  });
});

describe("the html tag", () => {
  it("escapes every interpolated value, in text and in attributes", () => {
    const name = '"><img src=x onerror=alert(1)>';
    expect(html`<td title="${name}">${name}</td>`.text).toBe(
      '<td title="&quot;&gt;&lt;img src=x onerror=alert(1)&gt;">&quot;&gt;&lt;img src=x onerror=alert(1)&gt;</td>',
    );
  });

  it("keeps fragments it made itself, joins lists, and prints nothing for null, undefined and false", () => {
    const cells = ["<a>", "b"].map((text) => html`<td>${text}</td>`);
    expect(html`<tr>${cells}${null}${undefined}${false}${0}</tr>`.text).toBe(
      "<tr><td>&lt;a&gt;</td><td>b</td>0</tr>",
    );
    expect(html`${trustedHtml("<br>")}`.text).toBe("<br>");
  });
});
