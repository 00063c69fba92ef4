import { createRequire as __mlopsCreateRequire } from 'node:module';
import { fileURLToPath as __mlopsFileURLToPath } from 'node:url';
import { dirname as __mlopsDirname } from 'node:path';
const require = __mlopsCreateRequire(import.meta.url);
const __filename = __mlopsFileURLToPath(import.meta.url);
const __dirname = __mlopsDirname(__filename);

// src/core/secrets/secrets-target.ts
function describeTarget(target) {
  switch (target.level) {
    case "repository":
      return `${target.owner}/${target.repo}`;
    case "environment":
      return `${target.owner}/${target.repo} environment ${target.environment}`;
    case "organization":
      return `organization ${target.org} (${target.visibility})`;
  }
}

export {
  describeTarget
};
