#!/usr/bin/env node
// Creates or updates the one fink-perf comparison comment of a pull request, for the privileged
// workflow_run workflow of .github/examples/fink-perf-pr-comment.yml. Everything it reads from the
// artifact (the PR number, the head sha, the Markdown) was written by a run of the pull request's
// code, so it is untrusted: the number must be digits, and the pull request it names must have the
// head sha that GitHub (not the artifact) says the triggering run tested. No dependency: Node's fetch.
//
// env: GITHUB_TOKEN, GITHUB_REPOSITORY (owner/name), GITHUB_API_URL (default https://api.github.com),
//      COMMENT_FILE (compare.md), PR_FILE (pr.json: {"number": N, "head_sha": "..."}),
//      EXPECTED_HEAD_SHA (github.event.workflow_run.head_sha), COMMENT_AUTHOR (default github-actions[bot])
'use strict';
const fs = require('fs');

const MARKER = '<!-- fink-perf-compare -->';
const MAX_BODY = 65536; // GitHub refuses longer bodies with HTTP 422

function fail(message) {
  console.error(`pr-comment: ${message}`);
  process.exit(1);
}

function env(name, fallback) {
  const v = process.env[name];
  if (v === undefined || v === '') {
    if (fallback !== undefined) return fallback;
    fail(`${name} is not set`);
  }
  return v;
}

/** The comment body: marker first, the Markdown without any marker of its own, cut to fit. */
function body(markdown) {
  const text = markdown.split(MARKER).join('');
  const head = `${MARKER}\n`;
  const cut = '\n\n_(cut to fit a comment: the full comparison is in the run\'s artifact)_\n';
  if (head.length + text.length <= MAX_BODY) return head + text;
  return head + text.slice(0, MAX_BODY - head.length - cut.length) + cut;
}

async function api(method, path, payload) {
  const base = env('GITHUB_API_URL', 'https://api.github.com').replace(/\/+$/, '');
  const res = await fetch(base + path, {
    method,
    headers: {
      Authorization: `Bearer ${env('GITHUB_TOKEN')}`,
      Accept: 'application/vnd.github+json',
      'X-GitHub-Api-Version': '2022-11-28',
      'Content-Type': 'application/json',
      'User-Agent': 'fink-perf-pr-comment',
    },
    body: payload === undefined ? undefined : JSON.stringify(payload),
  });
  const text = await res.text();
  if (!res.ok) fail(`${method} ${path}: HTTP ${res.status} ${text.slice(0, 200)}`);
  return text ? JSON.parse(text) : null;
}

async function main() {
  const repo = env('GITHUB_REPOSITORY');
  if (!/^[A-Za-z0-9_.-]+\/[A-Za-z0-9_.-]+$/.test(repo)) fail(`GITHUB_REPOSITORY '${repo}' is not owner/name`);
  const expected = env('EXPECTED_HEAD_SHA');
  const author = env('COMMENT_AUTHOR', 'github-actions[bot]');
  let pr;
  try {
    pr = JSON.parse(fs.readFileSync(env('PR_FILE'), 'utf8'));
  } catch (e) {
    fail(`cannot read the PR file: ${e.message}`);
  }
  const number = String(pr && pr.number);
  if (!/^[1-9][0-9]{0,9}$/.test(number)) fail(`PR number '${number.slice(0, 40)}' is not a positive integer`);
  if (!/^[0-9a-f]{40}$/.test(expected)) fail(`EXPECTED_HEAD_SHA '${expected.slice(0, 60)}' is not a commit sha`);
  if (pr.head_sha !== expected) fail(`the artifact's head sha does not match the run's (${expected})`);
  const pull = await api('GET', `/repos/${repo}/pulls/${number}`);
  if (!pull || !pull.head || pull.head.sha !== expected) {
    fail(`pull request #${number} is not at ${expected}: not commenting on it`);
  }
  const text = body(fs.readFileSync(env('COMMENT_FILE'), 'utf8'));
  let existing = null;
  for (let page = 1; page <= 50 && existing === null; page++) {
    const comments = await api('GET', `/repos/${repo}/issues/${number}/comments?per_page=100&page=${page}`);
    for (const c of comments) {
      if (c.user && c.user.login === author && typeof c.body === 'string' && c.body.startsWith(MARKER)) {
        existing = c;
        break;
      }
    }
    if (comments.length < 100) break;
  }
  if (existing) {
    await api('PATCH', `/repos/${repo}/issues/comments/${existing.id}`, { body: text });
    console.log(`pr-comment: updated comment ${existing.id} on #${number}`);
  } else {
    const made = await api('POST', `/repos/${repo}/issues/${number}/comments`, { body: text });
    console.log(`pr-comment: created comment ${made.id} on #${number}`);
  }
}

main().catch((e) => fail(e.message));
