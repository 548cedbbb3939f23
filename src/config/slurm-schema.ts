// The `slurm:` section of a sweep file, read when `runtime: slurm`: where and how the sweep's jobs are
// submitted. Every field is optional; the cluster's defaults apply to what is left out.
//
//   runtime: slurm
//   slurm:
//     partition: gpu
//     account: my-lab
//     qos: normal
//     launcher: docker          # process | docker | podman | auto (docker for an agent with an image)
//     sbatch_args: ["--constraint=a100"]
//     poll_interval: 5s         # time between two squeue calls for all of the sweep's jobs

import { z } from "zod";
import { DURATION_EXAMPLES, tryParseDuration } from "./duration.js";
import { describeValue } from "./zod-issues.js";

const name = z.string().regex(/^[A-Za-z0-9_.,:+-]+$/, {
  message: "expected a Slurm name (letters, digits and . _ , : + -)",
});

export const slurmSchema = z.strictObject({
  partition: name.optional(),
  account: name.optional(),
  qos: name.optional(),
  launcher: z.enum(["auto", "process", "docker", "podman"]).default("auto"),
  /** More sbatch options, each one argument starting with "--", e.g. "--constraint=a100". */
  sbatch_args: z
    .array(
      z.string().regex(/^--[A-Za-z]/, { message: 'expected an sbatch option such as "--constraint=a100"' }),
    )
    .default([]),
  poll_interval: z
    .string()
    .refine((text) => (tryParseDuration(text) ?? 0) > 0, {
      error: (issue) =>
        `expected a positive duration like ${DURATION_EXAMPLES}, got ${describeValue(issue.input)}`,
    })
    .optional(),
});

export type SlurmSweepOptions = z.infer<typeof slurmSchema>;
