// MLGym's tasks as `bench import mlgym` reads their results: the metric an MLGym table ranks each task
// by (the key of that metric in the task's `results.json` entries), and which way is better. The
// directions agree with MLGym's published tables (shared/mlgym/scores.csv; checked by a test). The keys
// are those MLGym's evaluation scripts write; `--metric TASK=KEY` overrides one when a task's files
// name it differently, and a task's entries with a single metric need no key at all.

export interface MlgymTask {
  /** The key of the main metric in each entry of `agent` and in `baseline`. */
  metric: string;
  direction: "higher" | "lower";
}

export const MLGYM_TASKS: Readonly<Record<string, MlgymTask>> = {
  "3SATHeuristic": { metric: "Time", direction: "lower" },
  "3SATTime": { metric: "Time", direction: "lower" },
  battleOfSexes: { metric: "Score", direction: "higher" },
  blotto: { metric: "Score", direction: "higher" },
  imageCaptioningCOCO: { metric: "BLEU Score", direction: "higher" },
  imageClassificationCifar10: { metric: "accuracy", direction: "higher" },
  imageClassificationFMnist: { metric: "accuracy", direction: "higher" },
  languageModelingFineWeb: { metric: "val_loss", direction: "lower" },
  naturalLanguageInferenceMNLI: { metric: "validation_accuracy", direction: "higher" },
  prisonersDilemma: { metric: "Score", direction: "higher" },
  regressionKaggleHousePrice: { metric: "r2", direction: "higher" },
  rlBreakoutMinAtar: { metric: "Reward Mean", direction: "higher" },
  rlMetaMazeMisc: { metric: "Reward Mean", direction: "higher" },
  rlMountainCarContinuous: { metric: "Reward Mean", direction: "higher" },
};
