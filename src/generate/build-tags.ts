import { readRepoId } from "../card/repo-id.js";
import type { FieldFacts } from "./facts.js";
import type { RunFacts } from "./sources/read-run-directory.js";

/** TRL trainers and the tag each adds after `trl` (their `_tag_names`). */
const TRL_TRAINER_TAGS: Record<string, string> = {
  SFTTrainer: "sft",
  DPOTrainer: "dpo",
  GRPOTrainer: "grpo",
  PPOTrainer: "ppo",
  ORPOTrainer: "orpo",
  KTOTrainer: "kto",
  CPOTrainer: "cpo",
  RewardTrainer: "reward-trainer",
  RLOOTrainer: "rloo",
  OnlineDPOTrainer: "online-dpo",
  BCOTrainer: "bco",
  GKDTrainer: "gkd",
  XPOTrainer: "xpo",
  NashMDTrainer: "nash-md",
  PRMTrainer: "prm",
};

/** The tags Trainer, TRL and PEFT write for a run, each with why. */
function toolTags(fields: FieldFacts, run: RunFacts | null): string[] {
  const trainer = fields["trainer-type"]?.value;
  const trlKind = trainer ? TRL_TRAINER_TAGS[trainer] : undefined;
  const base = fields["base-model"]?.value;
  const trackio = fields["trackio-url"]?.value;
  const fromTrainer = Boolean(run?.trainerState) || Boolean(trainer && /Trainer$/.test(trainer));
  return [
    fromTrainer ? "generated_from_trainer" : undefined,
    trlKind ? "trl" : undefined,
    trlKind,
    run?.adapter?.peftType.toLowerCase(),
    run?.adapter && base ? `base_model:adapter:${base}` : undefined,
    trackio ? `trackio:${trackio}` : undefined,
  ].filter((tag): tag is string => tag !== undefined);
}

/**
 * The seed's tags, in its order: family, `fine-tuned`, architecture kind, task, `quantized`, `dataset:<name>`,
 * `config:<name>`; then what the training tools write for the same run: `generated_from_trainer` (Trainer),
 * `trl` and the trainer's kind (`sft`, `dpo`, ...), the adapter type (`lora`) and `base_model:adapter:<id>`
 * (PEFT), `trackio:<url>`; then the user's tags. Duplicates go, order stays.
 */
export function buildTags(fields: FieldFacts, run: RunFacts | null, quantized: boolean): string[] {
  const datasetName = fields["dataset-name"]?.value;
  const tags = [
    fields.family?.value,
    "fine-tuned",
    fields["architecture-kind"]?.value,
    fields["pipeline-tag"]?.value,
    quantized ? "quantized" : undefined,
    // The Hub reads `dataset:<id>` as a link to a dataset: a display name ("Open Hermes FR") is not one.
    datasetName && readRepoId(datasetName).kind === "hub-id" ? `dataset:${datasetName}` : undefined,
    fields["training-config"] ? `config:${fields["training-config"].value}` : undefined,
    ...toolTags(fields, run),
    ...(fields.tag?.value ?? []),
  ];
  return [...new Set(tags.filter((tag): tag is string => typeof tag === "string" && tag !== ""))];
}
