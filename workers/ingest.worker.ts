#!/usr/bin/env node
// The ingest stage's workers as a process of their own: node workers/ingest.worker.ts [--config FILE]
import { runStageProcess } from '../src/runtime/run-stage-process.ts';

await runStageProcess('ingest');
