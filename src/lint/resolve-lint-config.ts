import { LintConfigError } from "./lint-config-error.js";
import { EVAL_RESULTS_RULES } from "./rules/eval-results/index.js";
import { BUILT_IN_RULES } from "./rules/index.js";
import type { ConfiguredSeverity, LintConfig, LintPreset, LintRule, RuleSetting, Severity } from "./types.js";

export interface ActiveRule {
  rule: LintRule;
  /** The configured severity, or null when the rule runs at its default (a rule may then grade findings). */
  severity: Severity | null;
  options: unknown;
}

const SEVERITIES: Record<ConfiguredSeverity, Severity | "off"> = { off: "off", warn: "warning", error: "error" };
/** The presets a configuration may name. */
export const LINT_PRESETS: readonly LintPreset[] = ["recommended", "strict"];
const resolved = new WeakMap<LintConfig, ActiveRule[]>();
let defaults: ActiveRule[] | undefined;

function where(config: LintConfig): string {
  return config.source ? `${config.source}: ` : "";
}

function readSetting(setting: RuleSetting, id: string, config: LintConfig) {
  let severity: unknown;
  let options: unknown;
  if (typeof setting === "string") severity = setting;
  else if (Array.isArray(setting)) [severity, options] = setting;
  else if (typeof setting === "object" && setting !== null) ({ severity, options } = setting);
  else severity = setting;
  if (severity !== undefined && !(typeof severity === "string" && severity in SEVERITIES)) {
    throw new LintConfigError(
      `${where(config)}rules.${id}: severity ${JSON.stringify(severity)} is not one of off, warn, error.`,
    );
  }
  return { severity: severity as ConfiguredSeverity | undefined, options };
}

function parseOptions(rule: LintRule, raw: unknown, config: LintConfig): unknown {
  if (raw === undefined) return rule.defaultOptions;
  if (!rule.parseOptions) throw new LintConfigError(`${where(config)}rules.${rule.id}: this rule takes no options.`);
  try {
    return rule.parseOptions(raw);
  } catch (error) {
    throw new LintConfigError(`${where(config)}rules.${rule.id}: ${(error as Error).message}`);
  }
}

function checkRuleShape(rule: LintRule, config: LintConfig): void {
  const valid =
    typeof rule === "object" &&
    rule !== null &&
    typeof rule.id === "string" &&
    /^[a-z0-9]+(?:[-/][a-z0-9]+)*$/.test(rule.id) &&
    typeof rule.check === "function" &&
    (rule.defaultSeverity === "error" || rule.defaultSeverity === "warning");
  if (!valid) {
    throw new LintConfigError(
      `${where(config)}a custom rule needs a kebab-case id, a check function and a defaultSeverity of "error" or "warning".`,
    );
  }
}

/** The rules to run, in registry order then custom rules, with their severity and checked options. */
export function resolveLintConfig(config: LintConfig | undefined): ActiveRule[] {
  if (!config) {
    defaults ??= BUILT_IN_RULES.map((rule) => ({ rule, severity: null, options: rule.defaultOptions }));
    return defaults;
  }
  const cached = resolved.get(config);
  if (cached) return cached;
  const rules: LintRule[] = [...BUILT_IN_RULES];
  for (const plugin of config.plugins ?? []) {
    checkRuleShape(plugin, config);
    if (rules.some((rule) => rule.id === plugin.id)) {
      throw new LintConfigError(`${where(config)}custom rule "${plugin.id}" has the id of another rule; rename it.`);
    }
    rules.push(plugin);
  }
  if (config.preset !== undefined && !LINT_PRESETS.includes(config.preset)) {
    throw new LintConfigError(
      `${where(config)}preset ${JSON.stringify(config.preset)} is unknown; use ${LINT_PRESETS.join(" or ")}.`,
    );
  }
  const strict = config.preset === "strict";
  const settings = { ...(config.rules ?? {}) };
  const requiredFields = config.requiredFields ?? (strict ? "seed" : undefined);
  if (requiredFields !== undefined) {
    const current = settings["required-fields"];
    const fields = typeof requiredFields === "string" ? { preset: requiredFields } : { fields: requiredFields };
    const severity = current === undefined ? undefined : readSetting(current, "required-fields", config).severity;
    settings["required-fields"] = { severity: severity ?? "error", options: fields };
  }
  for (const id of Object.keys(settings)) {
    // The rules of `.eval_results/*.yaml` files read their settings from the same configuration.
    const scoresRule = EVAL_RESULTS_RULES.find((rule) => rule.id === id);
    if (scoresRule) {
      // Checked here, with the file's name, though these rules run on .eval_results files, not cards (no options).
      const { options } = readSetting(settings[id] as RuleSetting, id, config);
      if (options !== undefined)
        throw new LintConfigError(`${where(config)}rules.${scoresRule.id}: this rule takes no options.`);
    } else if (!rules.some((rule) => rule.id === id)) {
      throw new LintConfigError(
        `${where(config)}unknown rule "${id}"; the rules are listed in docs/rules/ (run \`modelcard lint --list-rules\`).`,
      );
    }
  }
  const active: ActiveRule[] = [];
  for (const rule of rules) {
    const setting = settings[rule.id];
    const { severity, options } = setting === undefined ? {} : readSetting(setting, rule.id, config);
    // Unset, a rule grades its own findings (recommended) or every finding is an error (strict).
    const level = severity === undefined ? (strict ? "error" : null) : SEVERITIES[severity];
    const checked = parseOptions(rule, options, config);
    if (level === "off") continue;
    active.push({ rule, severity: level, options: checked });
  }
  resolved.set(config, active);
  return active;
}
