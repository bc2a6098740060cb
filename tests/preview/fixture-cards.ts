import { mkdirSync, mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";

/** A one-pixel PNG. */
export const PNG = Buffer.from(
  "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==",
  "base64",
);

/** A card with every element the page shows: chips, model tree, results, code, math, hostile HTML, images. */
export const FULL_CARD = `---
license: other
license_name: acme-research
license_link: LICENSE
language:
- fr
- en
library_name: peft
pipeline_tag: text-generation
tags:
- chat
datasets:
- legmlai/openhermes-fr
base_model: HuggingFaceTB/SmolLM3-3B
base_model_relation: adapter
model-index:
- name: tiny-fr
  results:
  - task:
      type: text-generation
    dataset:
      name: GSM8K
      type: openai/gsm8k
      split: test
    metrics:
    - type: accuracy
      name: Accuracy
      value: 0.731
---
# Tiny FR

| Step | Loss |
|-----:|-----:|
| 100 | 2.31 |

- [x] trained
- [ ] evaluated

\`\`\`python
def loss(x):
    return x * 2
\`\`\`

Inline \\\\(E = mc^2\\\\) and display:

$$
\\sum_{i=1}^{n} x_i
$$

![curves](images/curves.png)
![dark](images/dark.png#hf-dark-mode-only)

<img src="x" onerror="window.pwned = 'onerror'">
<script>window.pwned = 'script'</script>
<a href="javascript:window.pwned='link'" id="bad-link">click</a>
<div onclick="window.pwned = 'click'" class="dark:hidden">light only</div>
`;

/** Writes `files` (name -> text or bytes) into a new temporary folder; returns the folder. */
export function writeFolder(files: Record<string, string | Buffer>): string {
  const folder = mkdtempSync(join(tmpdir(), "modelcard-preview-"));
  for (const [name, content] of Object.entries(files)) {
    const path = join(folder, name);
    mkdirSync(join(path, ".."), { recursive: true });
    writeFileSync(path, content);
  }
  return folder;
}

/** The full card in a folder with its two images. */
export function fullCardFolder(): string {
  return writeFolder({ "README.md": FULL_CARD, "images/curves.png": PNG, "images/dark.png": PNG });
}
