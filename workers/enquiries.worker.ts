#!/usr/bin/env node
// The enquiries stage's workers as a process of their own: node workers/enquiries.worker.ts [--config FILE]
import { runStageProcess } from '../src/runtime/run-stage-process.ts';

await runStageProcess('enquiries');
