#!/usr/bin/env node
import { cli } from "../dist/bundle/main.js";

process.exitCode = await cli(process.argv.slice(2));
