/**
 * The sections of the HTML report (报告各部分): overview, one section per village and the
 * district, the responsible units' to-do lists, household screening and the parameters used.
 */
import {
  bySubject,
  formatParameterValue,
  REPORT_WORDS as WORDS,
  type SubjectGroup,
  PROGRESS_LABEL,
  resultValues,
  STATUSES,
  STATUS_LABEL,
  type Lang,
  type LocalizedText,
  type Parameter,
  type Plan,
  type Report,
  type RuleResult,
  type StatusCounts,
  type SubjectRef,
} from '@ruralkit/core';
import { numericTargets, riskChart, targetChart, targetLegend } from './charts.js';
import { anchor, esc } from './html.js';

export function subjectTitle(subject: SubjectRef, lang: Lang): string {
  if (subject.type === 'district') return `${WORDS.district[lang]} · ${subject.name[lang]}`;
  const township = subject.township ? ` · ${subject.township.name[lang]}` : '';
  return `${subject.name[lang]}${township}`;
}

export function subjectAnchor(subject: SubjectRef): string {
  return anchor(subject.type, subject.id);
}

function badge(r: { status: RuleResult['status']; progress?: RuleResult['progress'] }, lang: Lang): string {
  const progress =
    r.status === 'pending' && r.progress ? `<small>${esc(PROGRESS_LABEL[r.progress][lang])}</small>` : '';
  return `<span class="badge s-${r.status}">${esc(STATUS_LABEL[r.status][lang])}</span>${progress}`;
}

/** How many rules of a subject did not hold in some year, when any did. */
function lapsedNote(lapsed: number, lang: Lang): string {
  return lapsed ? `<p class="lapsed">${esc(WORDS.lapsedRules[lang])} <b>${lapsed}</b></p>` : '';
}

export function countCells(counts: StatusCounts, lang: Lang): string {
  return STATUSES.map(
    (s) => `<div class="count s-${s}"><b>${counts[s]}</b><span>${esc(STATUS_LABEL[s][lang])}</span></div>`,
  ).join('');
}

/**
 * The period assessment (期末考核), first on a report on or after the plan's last day: how many
 * annual and ongoing rules held every year, and each one that did not.
 */
export function assessmentSection(report: Report, lang: Lang): string {
  const { assessment } = report;
  if (!assessment) return '';
  const { period } = assessment;
  const items = assessment.rules
    .filter((r) => r.outcome !== 'held')
    .map((r) => `<li class="a-${r.outcome}" data-rule="${esc(r.ruleId)}">${esc(r.message[lang])}</li>`);
  return `<section id="assessment"><h2>${esc(WORDS.assessment[lang])} <small>${esc(period.start)} – ${esc(period.end)}</small></h2>
${assessmentTotals(assessment.counts, lang)}
${items.length ? `<ul>${items.join('')}</ul>` : ''}
</section>`;
}

/** How many rules held every year, lapsed, or lack years of data. */
export function assessmentTotals(counts: { held: number; lapsed: number; unjudged: number }, lang: Lang): string {
  return `<p class="total">${esc(WORDS.heldEveryYear[lang])} <b>${counts.held}</b> · ${esc(WORDS.lapsedRules[lang])} <b>${counts.lapsed}</b> · ${esc(WORDS.unjudgedRules[lang])} <b>${counts.unjudged}</b></p>`;
}

/** What the input held that the evaluation set aside (dates after the as-of date), and why. */
export function notesSection(report: Report, lang: Lang): string {
  if (report.notes.length === 0) return '';
  const items = report.notes.map(
    (n) => `<li>${esc(n.subject.id)}${n.year ? ` ${n.year}` : ''}：${esc(n.message[lang])}</li>`,
  );
  return `<section id="notes"><h2>${esc(WORDS.notes[lang])}</h2><ul>${items.join('')}</ul></section>`;
}

/** Counts by status for each village and the district, and the status matrices. */
export function overview(report: Report, lang: Lang): string {
  const cards = bySubject(report).map(({ subject, counts, lapsed }) => {
    const flag = subject.keyVillage === false ? `<p class="warn">${esc(WORDS.notKey[lang])}</p>` : '';
    return `<a class="card" href="#${subjectAnchor(subject)}"><h3>${esc(subjectTitle(subject, lang))}</h3>${flag}<div class="counts">${countCells(counts, lang)}</div>${lapsedNote(lapsed, lang)}</a>`;
  });
  return `<section id="overview"><h2>${esc(WORDS.overview[lang])}</h2>
<div class="cards">${cards.join('')}</div>
<p class="total">${esc(WORDS.overall[lang])}：${STATUSES.map((s) => `${esc(STATUS_LABEL[s][lang])} <b>${report.summary.overall[s]}</b>`).join(' · ')}</p>
${statusMatrices(report, lang)}
</section>`;
}

/**
 * The status matrices (评估状态矩阵), as tables: every village rule (rows) in every village
 * (columns), and beside it the district's rules in their own table, so no column stands empty;
 * the legend is text that wraps, so a narrow screen shows all of it.
 */
function statusMatrices(report: Report, lang: Lang): string {
  const legend = `<p class="legend statuses">${STATUSES.map((s) => `<span class="s-${s}">${esc(STATUS_LABEL[s][lang])}</span>`).join('')}</p>`;
  const matrix = (type: SubjectRef['type'], caption: string) => {
    const groups = bySubject(report).filter((g) => g.subject.type === type);
    const results = groups.flatMap((g) => g.results);
    if (results.length === 0) return '';
    const rules = [...new Map(results.map((r) => [r.ruleId, r.ruleName[lang]])).entries()];
    const heads = groups.map(
      ({ subject }) => `<th><a href="#${subjectAnchor(subject)}">${esc(subject.name[lang])}</a></th>`,
    );
    const rows = rules.map(([id, name]) => {
      const cells = groups.map(({ results: mine }) => {
        const result = mine.find((r) => r.ruleId === id);
        return `<td class="st">${result ? badge(result, lang) : ''}</td>`;
      });
      return `<tr data-rule="${esc(id)}"><th scope="row">${esc(name)}</th>${cells.join('')}</tr>`;
    });
    return `<figure class="matrix" data-subjects="${type}"><figcaption>${esc(caption)}</figcaption><div class="scroll"><table class="matrix"><thead><tr><th>${esc(WORDS.rule[lang])}</th>${heads.join('')}</tr></thead><tbody>${rows.join('')}</tbody></table></div></figure>`;
  };
  return `${legend}<div class="matrices">${matrix('village', WORDS.statusMatrix[lang])}${matrix('district', WORDS.district[lang])}</div>`;
}

/** One village's (or the district's) section: counts, target charts and a table of every rule. */
export function subjectSection(plan: Plan, group: SubjectGroup, lang: Lang): string {
  const { subject, results, counts, lapsed } = group;
  const charts = numericTargets(results).map(
    (t) =>
      `<figure class="chart"><figcaption>${esc(t.result.ruleName[lang])} ${badge(t.result, lang)}</figcaption>${targetChart(t, lang)}${targetLegend(t, lang)}</figure>`,
  );
  const join = (items: string[]) => items.join(lang === 'zh' ? '、' : ', ');
  // One list gives the heads and the cells; below the breakpoint each row is a card, each cell
  // labelled with its column's name. Dates, clauses and rule ids never break inside.
  const columns: [LocalizedText, string, (r: RuleResult) => string][] = [
    [WORDS.rule, 'rule', (r) => `${esc(r.ruleName[lang])}<br><code>${esc(r.ruleId)}</code>`],
    [WORDS.status, 'st', (r) => badge(r, lang)],
    [WORDS.year, 'year', (r) => String(r.year)],
    [WORDS.actual, 'actual', (r) => esc(resultValues(plan, r, lang).actual)],
    [WORDS.expected, 'expected', (r) => esc(resultValues(plan, r, lang).expected)],
    [WORDS.due, 'due', (r) => esc(r.due ?? '')],
    [WORDS.lapses, 'lapses', (r) => esc(join((r.lapses ?? []).map(String)))],
    [WORDS.clause, 'clauses', (r) => r.clauses.map((c) => `<span>${esc(c.label)}</span>`).join('、')],
    [
      WORDS.units,
      'units',
      (r) => join(r.units.map((u, i) => (i === 0 ? `<b>${esc(u.name[lang])}</b>` : esc(u.name[lang])))),
    ],
    [WORDS.explanation, 'msg', (r) => esc(r.message[lang])],
  ];
  const rows = results.map(
    (r) =>
      `<tr class="r-${r.status}" data-rule="${esc(r.ruleId)}">${columns
        .map(([word, name, cell]) => `<td class="${name}" data-label="${esc(word[lang])}">${cell(r)}</td>`)
        .join('')}</tr>`,
  );
  const heads = columns.map(([word]) => `<th>${esc(word[lang])}</th>`);
  const flag = subject.keyVillage === false ? `<p class="warn">${esc(WORDS.notKey[lang])}</p>` : '';
  return `<section class="subject" id="${subjectAnchor(subject)}" data-subject="${esc(subject.id)}">
<h2>${esc(subjectTitle(subject, lang))}</h2>${flag}
<div class="counts wide">${countCells(counts, lang)}</div>${lapsedNote(lapsed, lang)}
${charts.length ? `<h3>${esc(WORDS.targets[lang])}</h3><div class="charts">${charts.join('')}</div>` : ''}
<div class="scroll"><table class="rules"><thead><tr>${heads.join('')}</tr></thead><tbody>${rows.join('')}</tbody></table></div>
</section>`;
}

/** Each responsible unit's to-do list: what is not met, or pending and off track. */
export function todoSection(report: Report, lang: Lang): string {
  const units = report.summary.units.map((todo) => {
    const items = todo.items.map((item) => {
      const lead = item.lead ? `<span class="lead">${esc(WORDS.lead[lang])}</span>` : '';
      return `<li>${badge(item, lang)} ${lead}${esc(item.message[lang])}</li>`;
    });
    const lapses = todo.lapses.map((item) => {
      const lead = item.lead ? `<span class="lead">${esc(WORDS.lead[lang])}</span>` : '';
      const years = item.years.join(lang === 'zh' ? '、' : ', ');
      return `<li class="lapse">${lead}${esc(`${WORDS.lapses[lang]} ${years}`)}：${esc(item.subject.name[lang])} <code>${esc(item.ruleId)}</code></li>`;
    });
    return `<div class="todo"><h3>${esc(todo.unit.name[lang])} <small>(${todo.items.length})</small></h3><ul>${[...items, ...lapses].join('')}</ul></div>`;
  });
  const body = units.length ? units.join('') : `<p>${esc(WORDS.nothingToDo[lang])}</p>`;
  return `<section id="todo"><h2>${esc(WORDS.todo[lang])}</h2>${body}</section>`;
}

/** Households with each risk type, by the risk's name, for the risk chart and table. */
export function riskCounts(report: Report, lang: Lang): { name: string; count: number }[] {
  const riskName = (id: string) =>
    report.households.flatMap((x) => x.details).find((d) => d.riskType === id)?.riskName[lang] ?? id;
  return Object.entries(report.summary.households.byRiskType).map(([id, count]) => ({ name: riskName(id), count }));
}

/** Household screening: counts by risk type and suggested category, per village. No single households. */
export function householdSection(report: Report, lang: Lang): string {
  const h = report.summary.households;
  const categoryName = (id: string) => report.households.find((x) => x.category === id)?.categoryName?.[lang] ?? id;
  const risks = riskCounts(report, lang);
  const villages = [...new Set(report.households.map((x) => x.villageId))].map((id) => {
    const list = report.households.filter((x) => x.villageId === id);
    const name = report.results.find((r) => r.subject.id === id)?.subject.name[lang] ?? id;
    return `<tr><td>${esc(name)}</td><td>${list.length}</td><td>${list.filter((x) => x.risks.length > 0).length}</td></tr>`;
  });
  const table = (title: string, entries: [string, number][]) =>
    `<table class="small"><thead><tr><th>${esc(title)}</th><th>${esc(WORDS.count[lang])}</th></tr></thead><tbody>${entries
      .map(([name, n]) => `<tr><td>${esc(name)}</td><td>${n}</td></tr>`)
      .join('')}</tbody></table>`;
  return `<section id="households"><h2>${esc(WORDS.households[lang])}</h2>
<p>${esc(WORDS.screened[lang])} <b>${h.screened}</b> · ${esc(WORDS.withRisk[lang])} <b>${h.withRisk}</b>${lang === 'zh' ? '。' : '. '}<span class="note">${esc(WORDS.privacy[lang])}</span></p>
<div class="columns">
${table(
  WORDS.riskType[lang],
  risks.map((r) => [r.name, r.count]),
)}
${table(
  WORDS.category[lang],
  Object.entries(h.byCategory).map(([id, n]) => [categoryName(id), n]),
)}
<table class="small"><thead><tr><th>${esc(WORDS.byVillage[lang])}</th><th>${esc(WORDS.screened[lang])}</th><th>${esc(WORDS.withRisk[lang])}</th></tr></thead><tbody>${villages.join('')}</tbody></table>
</div>
${risks.length ? `<figure class="chart risks"><figcaption>${esc(WORDS.riskType[lang])}</figcaption>${riskChart(risks)}</figure>` : ''}
</section>`;
}

/** The parameters the results used, by name with their id, with who set them; assumptions are marked as such. */
export function parameterSection(plan: Plan, report: Report, lang: Lang): string {
  const used = new Map(report.results.flatMap((r) => r.parameters).map((p) => [`${p.id}@${p.from}`, p]));
  const name = (id: string) => plan.parameters.find((p) => p.id === id)?.name[lang] ?? id;
  const rows = [...used.values()].map(
    (p) =>
      `<tr${p.assumption ? ' class="assumption"' : ''} data-parameter="${esc(p.id)}"><td>${esc(name(p.id))}<br><code>${esc(p.id)}</code></td><td>${esc(formatParameterValue(p.value, p.unit as Parameter['unit'], lang))}</td><td>${esc(p.from)}</td><td>${esc(p.setBy === 'plan' ? WORDS.fromPlan[lang] : p.setBy)}${p.assumption ? ` · ${esc(WORDS.assumption[lang])}` : ''}</td></tr>`,
  );
  return `<section id="parameters"><h2>${esc(WORDS.parameters[lang])}</h2>
<div class="scroll"><table class="small"><thead><tr><th>${esc(WORDS.parameter[lang])}</th><th>${esc(WORDS.value[lang])}</th><th>${esc(WORDS.from[lang])}</th><th>${esc(WORDS.setBy[lang])}</th></tr></thead><tbody>${rows.join('')}</tbody></table></div></section>`;
}

/** The loosenings the plan's plugins declared (放宽), each with its reason and plugin; "none" when there are none. */
export function relaxedSection(report: Report, lang: Lang): string {
  const rows = report.plan.relaxed.map(
    (r) => `<tr><td><code>${esc(r.id)}</code></td><td>${esc(r.reason)}</td><td>${esc(r.by)}</td></tr>`,
  );
  const body =
    rows.length === 0
      ? `<p>${esc(WORDS.noneRelaxed[lang])}</p>`
      : `<table class="small"><thead><tr><th>id</th><th>${esc(WORDS.reason[lang])}</th><th>${esc(WORDS.setBy[lang])}</th></tr></thead><tbody>${rows.join('')}</tbody></table>`;
  return `<section id="relaxed"><h2>${esc(WORDS.relaxed[lang])}</h2>\n${body}</section>`;
}
