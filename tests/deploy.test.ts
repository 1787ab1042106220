import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { ROOT } from './helpers/run.ts';

interface Job {
  kind: string;
  spec: { completionMode?: string; completions?: number; parallelism?: number; template: { spec: { containers: { args: string[] }[] } } };
}

const job = async (file: string): Promise<Job> => parse(await readFile(path.join(ROOT, 'deploy', 'kubernetes', file), 'utf8')) as Job;

describe('the Kubernetes manifests', () => {
  it('run N indexed shards whose --shard count matches completions, counting from 1', async () => {
    const shards = await job('quarry-shards.yaml');
    expect([shards.kind, shards.spec.completionMode, shards.spec.completions, shards.spec.parallelism]).toEqual(['Job', 'Indexed', 4, 4]);
    const command = (shards.spec.template.spec.containers[0]?.args[0] ?? '').replace(/\s+/g, ' ');
    expect(command).toContain('--out /data/shards/$JOB_COMPLETION_INDEX');
    expect(command).toContain(`--shard $((JOB_COMPLETION_INDEX + 1))/${shards.spec.completions}`);
  });

  it('merge every shard folder the shards write', async () => {
    const shards = await job('quarry-shards.yaml');
    const merge = await job('quarry-merge.yaml');
    const command = merge.spec.template.spec.containers[0]?.args[0] ?? '';
    const folders = Array.from({ length: shards.spec.completions ?? 0 }, (_, index) => `/data/shards/${index}`);
    expect(command).toContain(`merge ${folders.join(' ')} --out /data/out`);
  });
});

describe('the image', () => {
  it('holds the data files a default run reads: the gazetteers and the entity model', async () => {
    const dockerfile = await readFile(path.join(ROOT, 'Dockerfile'), 'utf8');
    const copied = [...dockerfile.matchAll(/^COPY (\S+) /gmu)].map((match) => match[1]);
    expect(copied).toEqual(expect.arrayContaining(['data/gazetteers', 'data/models', 'src', 'bin']));
  });
});
