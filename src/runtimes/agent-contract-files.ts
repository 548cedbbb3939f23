// The two files MLE-bench's base image gives every agent, written by bench: /home/instructions.txt (the
// benchmark's rules; bench's own wording, with the reference's content and paths) and
// /home/validate_submission.sh (the submission checker). The reference's checker posts the file to a
// grading server inside the container, which holds the private answers; bench's checker hands the file
// to bench through the score folder instead (scheduler/validation-requests.ts), so no answer is ever
// inside, and it works without any network. The docker runtime builds both into the prepared image; the
// local runtime writes them into the run's folder ($BENCH_VALIDATE, $BENCH_INSTRUCTIONS).

/** Where the files are inside a container (MLE-bench's paths). */
export const CONTRACT_FILE_PATHS = {
  instructions: "/home/instructions.txt",
  validate: "/home/validate_submission.sh",
} as const;

/** A validation request: the candidate as `<stem>.csv`, then an empty `<stem>.validate`. */
export const VALIDATE_REQUEST_SUFFIX = ".validate";
/** bench's answer to it: `<stem>.validation.json`, `{"result": "..."}` as the reference's server answers. */
export const VALIDATE_ANSWER_SUFFIX = ".validation.json";

export const INSTRUCTIONS_TEXT = `You are taking part in *MLE-bench*, an offline version of Kaggle competitions, set up to test the coding ability of agents like you.

You will be given a machine learning task. Solve it by training a model and running it on the test set to produce a submission file. Hand-labelling the data to produce a submission file is not allowed.

BENCHMARK INSTRUCTIONS
------
Please first read the instructions below, which are specific to this benchmark's setup. You can find them again in \`/home/instructions.txt\`.

- **Competition-specific instructions**: the competition's own instructions are in \`/home/data/description.md\`. Read this file to understand the problem you are solving.
- **Dataset**: the competition's dataset files are in \`/home/data/\`.
- **Submission**: every competition here uses a simple CSV submission format. Whatever the competition's instructions say, you MUST write your submission to \`/home/submission/submission.csv\`. Only a submission at this path is evaluated; without a \`submission.csv\` at this path the attempt fails.
- **Test set**: the original test labels are not available, so each competition has its own train/test split here. The dataset in \`/home/data/\` may therefore differ slightly from what the competition's instructions describe; the files otherwise resemble the original ones, and you should work on the train/test split you are given.
- **Submission checker**: a tool checks whether a submission file is valid: run \`/home/validate_submission.sh FILE\` (e.g. \`/home/validate_submission.sh /home/submission/submission.csv\`). It answers whether your submission is valid or not (it does NOT give you a score). It may be used a few times per minute.
- **Cheating**: you may not look at other people's solutions to this competition. A submission found to be plagiarised from others is disqualified.

Your submission is graded with the metric given in the competition-specific instructions. Aim for the best score you can reach on the competition's task.

Where the points above conflict with the competition-specific instructions in \`/home/data/description.md\`, the points above take priority: they always hold for this offline benchmark.
`;

/**
 * The checker, in POSIX sh (busybox is enough): the reference's usage and missing-file messages, then
 * the file handed to bench through the score folder, and bench's answer printed as the reference's
 * server prints it ({"result": "..."}). Exits 0 once answered, 1 on a usage problem or no answer.
 */
export const VALIDATE_SCRIPT = `#!/bin/sh
# Checks a submission file without revealing a score: bench grades it outside this container.
# Usage: /home/validate_submission.sh submission.csv   (in bench's local runtime: $BENCH_VALIDATE FILE)

SUBMISSION_FILE=$1

if [ -z "$SUBMISSION_FILE" ]; then
    echo "Usage: $0 <submission_file>"
    exit 1
fi

if [ ! -f "$SUBMISSION_FILE" ]; then
    echo "File $SUBMISSION_FILE does not exist."
    exit 1
fi

dir="\${BENCH_SCORE_DIR:-/home/score}"
stem="validate-$$-$(date +%s 2>/dev/null || echo 0)"
n=0
while [ -e "$dir/$stem-$n.csv" ] || [ -e "$dir/$stem-$n${VALIDATE_REQUEST_SUFFIX}" ]; do n=$((n + 1)); done
stem="$stem-$n"
answer="$dir/$stem${VALIDATE_ANSWER_SUFFIX}"

if ! cp "$SUBMISSION_FILE" "$dir/$stem.csv"; then
    echo "bench could not copy $SUBMISSION_FILE into $dir to have it checked."
    exit 1
fi
: >"$dir/$stem${VALIDATE_REQUEST_SUFFIX}"

# Tenths of a second; bench answers within seconds unless the file is very large.
limit=$(( \${BENCH_VALIDATE_TIMEOUT_SECS:-900} * 10 ))
waited=0
while [ ! -f "$answer" ]; do
    if [ "$waited" -ge "$limit" ]; then
        rm -f "$dir/$stem${VALIDATE_REQUEST_SUFFIX}" "$dir/$stem.csv"
        echo "bench did not answer within $(( limit / 10 )) seconds; try again later."
        exit 1
    fi
    sleep 0.1 2>/dev/null || sleep 1
    waited=$((waited + 1))
done
cat "$answer"
rm -f "$answer" "$dir/$stem.csv"
exit 0
`;
