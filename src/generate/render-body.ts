import { basename, dirname, resolve } from "node:path";
import nunjucks from "nunjucks";
import type { BodyContext } from "./build-body-context.js";
import { GenerateInputError } from "./generate-input-error.js";
import { TEMPLATES_DIRECTORY } from "./templates-directory.js";

export const DEFAULT_TEMPLATE = "modelcard.njk";

/**
 * Renders a card body with nunjucks (Jinja2-compatible: `{% extends %}`, `{% block %}`, `{% include %}`,
 * `default(value, true)`). A user template is looked up beside itself first, then among the built-in
 * templates, so it can `{% extends "modelcard.njk" %}`. Runs of blank lines left by omitted sections collapse.
 */
export function renderBody(context: BodyContext, templatePath?: string): string {
  const searchPath = templatePath ? [dirname(resolve(templatePath)), TEMPLATES_DIRECTORY] : [TEMPLATES_DIRECTORY];
  const environment = new nunjucks.Environment(new nunjucks.FileSystemLoader(searchPath), {
    autoescape: false,
    trimBlocks: true,
    lstripBlocks: true,
  });
  const name = templatePath ? basename(templatePath) : DEFAULT_TEMPLATE;
  let text: string;
  try {
    text = environment.render(name, context as unknown as object);
  } catch (error) {
    const reason = (error as Error).message.replace(/\s+/g, " ").trim();
    throw new GenerateInputError(
      `${templatePath ?? `${TEMPLATES_DIRECTORY}${DEFAULT_TEMPLATE}`}: cannot render the template (${reason}); fix the template or omit --template.`,
    );
  }
  return `${text
    .replace(/\r\n/g, "\n")
    .replace(/\n{3,}/g, "\n\n")
    .trim()}\n`;
}
