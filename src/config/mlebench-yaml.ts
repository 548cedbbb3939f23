// Reads an MLE-bench config.yaml the way the reference does (PyYAML's safe_load, YAML 1.1): anchors,
// aliases and merge keys (`<<: *defaults`), `yes`/`no`/`on`/`off` as booleans, and a float only with a
// decimal point (`1e-5` stays text, as in PyYAML). Integers come back as bigint and floats as number,
// so that kwargs are written as Python writes them (`7200`, `1.0`): see mlebench-kwargs.ts.

import { parseDocument, type Tags } from "yaml";
import { BenchError } from "../errors.js";

const PYYAML_TRUE = /^(?:yes|Yes|YES|true|True|TRUE|on|On|ON)$/;
const PYYAML_FALSE = /^(?:no|No|NO|false|False|FALSE|off|Off|OFF)$/;
const PYYAML_EXP_FLOAT = /^[-+]?(?:[0-9][0-9_]*\.[0-9_]*|\.[0-9_]+)[eE][-+][0-9]+$/;

/** yaml's YAML 1.1 tags, narrowed to what PyYAML resolves. */
function pyyamlTags(tags: Tags): Tags {
  const out: Tags = [];
  for (const tag of tags) {
    if (typeof tag !== "object" || !("tag" in tag)) {
      out.push(tag);
      continue;
    }
    if (tag.tag === "tag:yaml.org,2002:timestamp") continue; // PyYAML's dates: keep the text
    if (tag.tag === "tag:yaml.org,2002:bool" && "test" in tag && tag.test instanceof RegExp) {
      const truthy = tag.test.test("true");
      out.push({ ...tag, test: truthy ? PYYAML_TRUE : PYYAML_FALSE } as (typeof out)[number]);
      continue;
    }
    if (tag.tag === "tag:yaml.org,2002:float" && "format" in tag && tag.format === "EXP") {
      out.push({ ...tag, test: PYYAML_EXP_FLOAT } as (typeof out)[number]);
      continue;
    }
    out.push(tag);
  }
  return out;
}

/** Parses the text of an MLE-bench config.yaml into plain data; `file` names it in errors. */
export function parseMlebenchYaml(text: string, file: string): unknown {
  const document = parseDocument(text, {
    version: "1.1",
    merge: true,
    intAsBigInt: true,
    prettyErrors: true,
    uniqueKeys: false, // PyYAML keeps the last of a repeated key
    customTags: pyyamlTags,
  });
  const first = document.errors[0];
  if (first !== undefined) {
    const position = first.linePos?.[0];
    const where = position === undefined ? file : `${file}:${position.line}:${position.col}`;
    const reason = (first.message.split("\n")[0] ?? first.message).replace(/ at line \d+, column \d+:?$/, "");
    throw new BenchError("CONFIG_INVALID", `${where}: invalid YAML: ${reason}`, {
      hint: "fix the YAML syntax (indentation, unclosed brackets or quotes, an alias to an anchor defined later)",
    });
  }
  try {
    return document.toJS({ maxAliasCount: 10_000 });
  } catch (error) {
    throw new BenchError("CONFIG_INVALID", `${file}: ${(error as Error).message}`, {
      hint: "check the file's aliases (*name) and merge keys (<<: *name): each must name an anchor (&name) defined above it",
    });
  }
}
