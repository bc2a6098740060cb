/**
 * The Hub task (`pipeline_tag`) and the seed's architecture tag of a transformers architecture class.
 * `@huggingface/tasks` has no such map, so this is one, small and checked: every task here is one of its
 * `PIPELINE_TYPES` (a test says so). Where the class does not decide the task, the task is null and the
 * generator asks for `--pipeline-tag`: an encoder-decoder such as T5 or BART is trained for translation,
 * summarization or anything text-to-text (the Hub dropped `text2text-generation` from its tasks), and an unknown
 * `*ForConditionalGeneration` may be any of those or a vision-language model.
 */
export const ARCHITECTURE_TASKS = {
  /** Exact class names, looked up first: vision-language and speech models whose suffix says nothing. */
  classes: {
    Qwen2VLForConditionalGeneration: { kind: "vision-language", task: "image-text-to-text" },
    Qwen2_5_VLForConditionalGeneration: { kind: "vision-language", task: "image-text-to-text" },
    Qwen3VLForConditionalGeneration: { kind: "vision-language", task: "image-text-to-text" },
    Qwen3VLMoeForConditionalGeneration: { kind: "vision-language", task: "image-text-to-text" },
    LlavaForConditionalGeneration: { kind: "vision-language", task: "image-text-to-text" },
    LlavaNextForConditionalGeneration: { kind: "vision-language", task: "image-text-to-text" },
    LlavaOnevisionForConditionalGeneration: { kind: "vision-language", task: "image-text-to-text" },
    Idefics2ForConditionalGeneration: { kind: "vision-language", task: "image-text-to-text" },
    Idefics3ForConditionalGeneration: { kind: "vision-language", task: "image-text-to-text" },
    SmolVLMForConditionalGeneration: { kind: "vision-language", task: "image-text-to-text" },
    PaliGemmaForConditionalGeneration: { kind: "vision-language", task: "image-text-to-text" },
    Gemma3ForConditionalGeneration: { kind: "vision-language", task: "image-text-to-text" },
    MllamaForConditionalGeneration: { kind: "vision-language", task: "image-text-to-text" },
    Mistral3ForConditionalGeneration: { kind: "vision-language", task: "image-text-to-text" },
    Llama4ForConditionalGeneration: { kind: "vision-language", task: "image-text-to-text" },
    InternVLForConditionalGeneration: { kind: "vision-language", task: "image-text-to-text" },
    AyaVisionForConditionalGeneration: { kind: "vision-language", task: "image-text-to-text" },
    Blip2ForConditionalGeneration: { kind: "vision-language", task: "image-text-to-text" },
    Florence2ForConditionalGeneration: { kind: "vision-language", task: "image-text-to-text" },
    WhisperForConditionalGeneration: { kind: "speech-seq2seq", task: "automatic-speech-recognition" },
    MarianMTModel: { kind: "seq2seq-lm", task: "translation" },
    M2M100ForConditionalGeneration: { kind: "seq2seq-lm", task: "translation" },
    NllbMoeForConditionalGeneration: { kind: "seq2seq-lm", task: "translation" },
    T5ForConditionalGeneration: { kind: "seq2seq-lm", task: null },
    MT5ForConditionalGeneration: { kind: "seq2seq-lm", task: null },
    UMT5ForConditionalGeneration: { kind: "seq2seq-lm", task: null },
    BartForConditionalGeneration: { kind: "seq2seq-lm", task: null },
    MBartForConditionalGeneration: { kind: "seq2seq-lm", task: null },
    PegasusForConditionalGeneration: { kind: "seq2seq-lm", task: null },
  },
  /** Class name suffixes (transformers' head names), tried in this order. */
  suffixes: [
    ["ForCausalLM", { kind: "causal-lm", task: "text-generation" }],
    ["ForImageTextToText", { kind: "vision-language", task: "image-text-to-text" }],
    ["ForVision2Seq", { kind: "vision-language", task: "image-text-to-text" }],
    ["ForMaskedLM", { kind: "masked-lm", task: "fill-mask" }],
    ["ForSequenceClassification", { kind: "sequence-classification", task: "text-classification" }],
    ["ForTokenClassification", { kind: "token-classification", task: "token-classification" }],
    ["ForQuestionAnswering", { kind: "question-answering", task: "question-answering" }],
    ["ForImageClassification", { kind: "image-classification", task: "image-classification" }],
    ["ForObjectDetection", { kind: "object-detection", task: "object-detection" }],
    ["ForSemanticSegmentation", { kind: "image-segmentation", task: "image-segmentation" }],
    ["ForAudioClassification", { kind: "audio-classification", task: "audio-classification" }],
    ["ForCTC", { kind: "speech-recognition", task: "automatic-speech-recognition" }],
    ["ForSpeechSeq2Seq", { kind: "speech-seq2seq", task: "automatic-speech-recognition" }],
    ["ForSeq2SeqLM", { kind: "seq2seq-lm", task: null }],
    ["ForConditionalGeneration", { kind: null, task: null }],
  ],
} as const satisfies {
  classes: Record<string, ArchitectureTask>;
  suffixes: readonly (readonly [string, ArchitectureTask])[];
};

export interface ArchitectureTask {
  /** The seed's architecture tag (`causal-lm`), null when unknown. */
  kind: string | null;
  /** The Hub task, null when the class does not decide it. */
  task: string | null;
}

/** What the table says of `architecture`; null when it does not know the class at all. */
export function architectureTask(architecture: string): ArchitectureTask | null {
  if (Object.hasOwn(ARCHITECTURE_TASKS.classes, architecture)) {
    return ARCHITECTURE_TASKS.classes[architecture as keyof typeof ARCHITECTURE_TASKS.classes];
  }
  return ARCHITECTURE_TASKS.suffixes.find(([suffix]) => architecture.endsWith(suffix))?.[1] ?? null;
}
