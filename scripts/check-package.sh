#!/usr/bin/env bash
# The package as users get it. Packs quarry (npm pack builds it first: the prepack script), installs the tarball
# into a scratch project in a temporary folder, and checks there that
#   1. plain Node imports it as an ES module: createExtractor finds the person in a sentence;
#   2. tsc type-checks a user's TypeScript file against its declarations (module nodenext, strict);
#   3. `npx quarry extract` runs the compiled CLI on two files of data/raw with a pipeline.config.ts, on a
#      worker thread (the built bundle), and writes documents.csv where the config says.
#
#   scripts/check-package.sh
set -euo pipefail
cd "$(dirname "$0")/.."
repository=$PWD
tsc="$repository/node_modules/typescript/bin/tsc"
scratch=$(mktemp -d)
trap 'rm -rf "$scratch"' EXIT

npm pack --pack-destination "$scratch" > "$scratch/pack.log" 2>&1 || { cat "$scratch/pack.log" >&2; exit 1; }
tarball=$(echo "$scratch"/quarry-*.tgz)
echo "check-package: packed $(basename "$tarball") ($(du -k "$tarball" | cut -f1) kB, $(tar -tzf "$tarball" | wc -l) files)"

project="$scratch/project"
mkdir -p "$project/input"
cd "$project"
echo '{ "name": "user-project", "version": "1.0.0", "private": true, "type": "module" }' > package.json
# From npm's cache alone when it holds every package and its metadata; else what it lacks comes from the registry.
if npm install "$tarball" --offline --no-audit --no-fund --loglevel=error > install.log 2>&1; then
  echo "check-package: installed into a scratch project, offline from npm's cache"
else
  npm install "$tarball" --prefer-offline --no-audit --no-fund --loglevel=error
  echo "check-package: installed into a scratch project with --prefer-offline; offline, npm said: $(grep -m1 -v '^npm error code' install.log | sed 's/^npm error //')"
fi

# 1. Plain Node, ES modules.
cat > extract.mjs <<'JS'
import { createExtractor } from 'quarry';

const rows = createExtractor().extract('Boris Johnson said the NHS would get £350 million a week.', { id: 'check' });
const people = rows.mentions.filter((mention) => mention.type === 'person').map((mention) => mention.text);
if (!people.includes('Boris Johnson')) throw new Error(`expected the person "Boris Johnson", found: ${JSON.stringify(people)}`);
console.log(`check-package: node imports quarry; people: ${people.join(', ')}`);
JS
node extract.mjs

# 2. A user's TypeScript against the package's declarations.
cat > tsconfig.json <<'JSON'
{ "compilerOptions": { "module": "nodenext", "strict": true, "noEmit": true }, "files": ["user.ts"] }
JSON
cat > user.ts <<'TS'
import { createExtractor, defineConfig, loadConfig, runPipeline, type Extraction, type MentionRow } from 'quarry';

const nlp = createExtractor(defineConfig({ extractDates: { defaultReferenceDate: '2024-01-01' } }));
const rows: Extraction = nlp.extract('Boris Johnson said the NHS would get £350 million a week.', { id: 'bus', published: '2016-06-21' });
const people: MentionRow[] = rows.mentions.filter((mention) => mention.type === 'person');
const speaker: string | null | undefined = rows.claims[0]?.speaker_entity_id;
export const summary = async (): Promise<number> => (await runPipeline(await loadConfig(undefined, { output: 'out' }))).counts.claims + people.length + (speaker === null ? 0 : 1);
// @ts-expect-error: an unknown option is a type error
defineConfig({ wrokers: 2 });
TS
node "$tsc" -p tsconfig.json
echo "check-package: tsc type-checks a user's file against the declarations"

# 3. The compiled CLI, with a TypeScript config (loaded by tsx's tsImport) that sends the tables to out/.
cat > pipeline.config.ts <<'TS'
import { defineConfig } from 'quarry';

export default defineConfig({ input: ['input'], output: 'out', workers: 1, progress: 'never' });
TS
cp "$repository/data/raw/000_0796cd7eea2f6637.txt" "$repository/data/raw/001_02e1c03846194c7e.txt" input/
npx --no-install quarry extract 2> extract.log || { cat extract.log >&2; exit 1; }
grep -q '2 extracted on 1 worker thread' extract.log || { cat extract.log >&2; echo "check-package: expected 2 documents extracted on 1 worker thread" >&2; exit 1; }
rows=$(($(wc -l < out/documents.csv) - 1))
[ "$rows" -eq 2 ] || { echo "check-package: expected 2 rows in documents.csv, found $rows" >&2; exit 1; }
echo "check-package: npx quarry extract wrote out/documents.csv ($rows documents, $(($(wc -l < out/mentions.csv) - 1)) mentions) on 1 worker thread"
