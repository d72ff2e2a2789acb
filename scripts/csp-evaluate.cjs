// Runs Google's CSP Evaluator (npm csp_evaluator) on a Content-Security-Policy value and prints every finding.
// Exit status 1 when a finding is HIGH, SYNTAX or HIGH_MAYBE (a real or likely bypass, or a policy browsers would
// misread); 0 otherwise. Usage: node scripts/csp-evaluate.cjs "<policy>"  (scripts/csp-evaluate.sh installs it).
'use strict';
const path = require('path');
const modules = process.env.CSP_EVALUATOR_MODULES
  || path.join(__dirname, '..', '.cache', 'csp-evaluator', 'node_modules');
const { CspEvaluator } = require(path.join(modules, 'csp_evaluator', 'dist', 'evaluator.js'));
const { CspParser } = require(path.join(modules, 'csp_evaluator', 'dist', 'parser.js'));
const { Severity } = require(path.join(modules, 'csp_evaluator', 'dist', 'finding.js'));

const policy = process.argv[2];
if (!policy) {
  console.error('usage: csp-evaluate.cjs "<Content-Security-Policy value>"');
  process.exit(2);
}
const blocking = new Set([Severity.HIGH, Severity.SYNTAX, Severity.HIGH_MAYBE]);
const names = Object.fromEntries(Object.entries(Severity).filter(([, v]) => typeof v === 'number').map(([k, v]) => [v, k]));
const findings = new CspEvaluator(new CspParser(policy).csp).evaluate();
let failed = 0;
for (const f of findings) {
  const severity = names[f.severity] || String(f.severity);
  if (blocking.has(f.severity)) failed++;
  console.log(`${blocking.has(f.severity) ? 'FAIL' : 'ok  '} ${severity} ${f.directive}${f.value ? ' ' + f.value : ''}: ${f.description}`);
}
console.log(`csp_evaluator: ${findings.length} finding(s), ${failed} high-severity`);
process.exit(failed > 0 ? 1 : 0);
