// What the page benchmarks share: a static server for a build, a change
// timed in the page until a condition holds (with the long tasks meanwhile
// and the page's own User Timing measures), and median/p95.
export { serve } from '../scripts/lib/static-server.mjs';

/**
 * In the page (as text: it runs there), of the long tasks seen since `t0`:
 * the longest, and the page's own measures (User Timing) in that time,
 * which step costs what, and which of them ran inside the longest task.
 */
const TASKS_AND_STEPS = `(tasks, t0) => {
  const steps = {};
  const longest = tasks.reduce((a, t) => (t.ms > a.ms ? t : a), { start: 0, ms: 0 });
  const inLongest = [];
  for (const m of performance.getEntriesByType('measure')) {
    if (m.startTime < t0) continue;
    steps[m.name] = Math.max(steps[m.name] || 0, Math.round(m.duration * 10) / 10);
    if (longest.ms && m.startTime >= longest.start && m.startTime < longest.start + longest.ms) inLongest.push(m.name + ' ' + m.duration.toFixed(1));
  }
  return { longest: longest.ms, longestAt: longest.start - t0, inLongest, steps };
}`;

/**
 * In the page: `act()` (a change), then the time until `done()` holds
 * (checked each frame: the page's effects run in microtasks, before the
 * first frame), the longest task meanwhile (PerformanceObserver
 * "longtask": a task over 50 ms delays input) and the page's measures.
 */
export async function timed(page, act, done) {
  return page.evaluate(async ({ act, done, tasksAndSteps }) => {
    const tasks = [];
    const obs = new PerformanceObserver((l) => l.getEntries().forEach((e) => tasks.push({ start: e.startTime, ms: e.duration })));
    obs.observe({ type: 'longtask' });
    const check = new Function(`return (${done})();`);
    const t0 = performance.now();
    new Function(`(${act})();`)();
    await new Promise((resolve, reject) => {
      const tick = () => {
        if (check()) resolve();
        else if (performance.now() - t0 > 60000) reject(new Error(`still not done after 60 s: ${done}`));
        else requestAnimationFrame(tick);
      };
      requestAnimationFrame(tick);
    });
    const ms = performance.now() - t0;
    await new Promise((r) => setTimeout(r, 50));
    obs.disconnect();
    return { ms, ...new Function(`return ${tasksAndSteps}`)()(tasks, t0) };
  }, { act: act.toString(), done: done.toString(), tasksAndSteps: TASKS_AND_STEPS });
}

/**
 * In the page: `act()`, then for each named condition of `marks` (checked
 * each frame) the time from `act()` until it first holds; with the longest
 * task (and the page's measures inside it) and the page's measures over
 * the whole, as [`timed`] gives them.
 * One loop for all, so no time between two conditions goes uncounted.
 */
export async function milestones(page, act, marks) {
  return page.evaluate(async ({ act, marks, tasksAndSteps }) => {
    const tasks = [];
    const obs = new PerformanceObserver((l) => l.getEntries().forEach((e) => tasks.push({ start: e.startTime, ms: e.duration })));
    obs.observe({ type: 'longtask' });
    const checks = Object.entries(marks).map(([name, f]) => [name, new Function(`return (${f})();`)]);
    const at = {};
    const t0 = performance.now();
    new Function(`(${act})();`)();
    await new Promise((resolve, reject) => {
      const tick = () => {
        for (const [name, check] of checks) if (!(name in at) && check()) at[name] = performance.now() - t0;
        if (Object.keys(at).length === checks.length) resolve();
        else if (performance.now() - t0 > 60000) reject(new Error(`still not done after 60 s: ${checks.filter(([n]) => !(n in at)).map(([n]) => n)}`));
        else requestAnimationFrame(tick);
      };
      requestAnimationFrame(tick);
    });
    await new Promise((r) => setTimeout(r, 50));
    obs.disconnect();
    return { at, ...new Function(`return ${tasksAndSteps}`)()(tasks, t0) };
  }, { act: act.toString(), marks: Object.fromEntries(Object.entries(marks).map(([k, f]) => [k, f.toString()])), tasksAndSteps: TASKS_AND_STEPS });
}

/** Median and p95 of `xs`. */
export const stats = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  const at = (p) => s[Math.min(s.length - 1, Math.round((s.length - 1) * p))];
  return { n: s.length, median: at(0.5), p95: at(0.95) };
};

/** The search box's input event, as typing `q` gives it. */
export const typeQuery = (q) => `() => { const f = document.querySelector('input[type=search]'); f.value = ${JSON.stringify(q)}; f.dispatchEvent(new Event('input', { bubbles: true })); }`;

/** The app's URLs that #30 measures on the seed corpus (each view a link opens). */
export const SEED_URLS = [
  '',
  '?view=trends&kw=alipay,wechat',
  '?view=compare&left=alipay-dilemma-2024&right=anxious-alipay-2025',
  '?view=words',
  '?view=words&q=year:2024..2025',
  '?view=contexts&q=alipay',
  '?article=anxious-alipay-2025&q=alipay',
];
