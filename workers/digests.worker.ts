#!/usr/bin/env node
// The digests stage's workers as a process of their own: node workers/digests.worker.ts [--config FILE]
import { runStageProcess } from '../src/runtime/run-stage-process.ts';

await runStageProcess('digests');
