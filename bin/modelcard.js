#!/usr/bin/env node
import { cli } from "../dist/cli/main.js";

process.exitCode = await cli(process.argv.slice(2));
