"""Reads every card with huggingface_hub itself, as a Python user or pipeline does: `ModelCard.load` on each
file (its split, PyYAML's `safe_load`, then `ModelCardData` with the model-index turned into `EvalResult`s), in one
process. `ignore_metadata_errors` lets a card with a malformed model-index still be read, as lint reads it."""
import os
import sys

from huggingface_hub import ModelCard


def main(folder):
    count = 0
    for name in sorted(os.listdir(folder)):
        if not name.endswith(".md"):
            continue
        try:
            ModelCard.load(os.path.join(folder, name), ignore_metadata_errors=True)
        except Exception:
            pass
        count += 1
    print(count)


main(sys.argv[1])
