"""Reads every card as huggingface_hub's RepoCard does (its REGEX_YAML_BLOCK split, then yaml.safe_load, then the
model-index flattened as model_index_to_eval_results does), in one Python process: the baseline of bench/readers.ts.
huggingface_hub itself is not installed here; this is its reading step with the same PyYAML call."""
import os
import re
import sys

import yaml

REGEX_YAML_BLOCK = re.compile(r"^(\s*---[\r\n]+)([\S\s]*?)([\r\n]+---(\r\n|\n|$))")


def eval_results(model_index):
    results = []
    for entry in model_index or []:
        for result in entry.get("results", []):
            for metric in result.get("metrics", []):
                results.append((result.get("task", {}).get("type"), result.get("dataset", {}).get("type"), metric.get("type"), metric.get("value")))
    return results


def main(folder):
    count = 0
    for name in sorted(os.listdir(folder)):
        if not name.endswith(".md"):
            continue
        with open(os.path.join(folder, name), encoding="utf-8", errors="replace") as file:
            content = file.read()
        match = REGEX_YAML_BLOCK.search(content)
        try:
            data = yaml.safe_load(match.group(2)) if match else {}
            if isinstance(data, dict):
                eval_results(data.get("model-index"))
        except Exception:
            pass
        count += 1
    print(count)


main(sys.argv[1])
