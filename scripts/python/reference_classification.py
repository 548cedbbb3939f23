"""Independent re-implementation of MLE-bench's grade functions, family g3-classification (written from
shared/mlebench/full-grading/g3-classification.md, not from bench's TypeScript). Loaded by reference_grade.py.

GRADERS maps a competition id to grade(submission: DataFrame, answers: DataFrame) -> float; any exception
means the submission is invalid. ANSWER_READERS (optional) maps a competition id to read(path) -> DataFrame
for answers that are not a plain CSV.
"""

GRADERS = {}
ANSWER_READERS = {}
