// Scoring integrity (issue 15): why a total is missing and what to do, what stops a lock,
// reserve judges and panel coverage, recheck before lock (复核), the theory cap, and the
// standardised score's precision. Reasons name the entry by blind code so each one reads
// on its own (workbench, organiser pages, lock refusal).
export const integrityMessages = {
  zh: {
    // Why an entry has no total
    "judging.reason.panel_empty":
      "加密号 {blindCode}：本赛项所有裁判都须回避该选手，无人能为其评分。请组织者在“裁判”页增派一名与该选手单位及其上级工会无关的备用裁判。",
    "judging.reason.panel_too_small":
      "加密号 {blindCode}：评分项 {criterion} 的计分方法至少需要 {need} 名裁判，回避后只剩 {judges} 名，无法计算总成绩。请组织者在“裁判”页增派一名与该选手单位及其上级工会无关的备用裁判。",
    "judging.reason.panel_too_large":
      "加密号 {blindCode}：评分项 {criterion} 采用世界技能大赛评价法，须恰好 3 名裁判评分，该选手有 {judges} 名。请组织者把多出的裁判改为备用裁判。",
    "judging.reason.measurement_twice":
      "加密号 {blindCode}：测量类评分项 {criterion} 记录了不止一个测量值。请裁判长在复核页保留正确的一个。",
    "judging.reason.mark_invalid":
      "加密号 {blindCode}：评分项 {criterion} 中裁判{judge}的评分无效。请裁判长在复核页更正。",
    "judging.reason.presided_by_others":
      "另有 {n} 名您须回避的选手无法计算总成绩。请组织者在“裁判”页查看原因并增派备用裁判。",
    "judging.reason.title": "无法计算总成绩的原因",
    "judging.reason.short": "无法计算总成绩（原因见上）",
    "judging.reason.configuration":
      "本赛项的计分规则有误，成绩无法计算或锁定。请组织者在“评分细则”页修改：",

    // Lock
    "judging.lock.recheck_unselected":
      "还有 {n} 名选手须按复核规则抽取或指定复核（在“锁定前复核”页点击“按规则选取”）",
    "judging.lock.recheck_pending": "还有 {n} 份复核尚未完成",
    "judging.lock.recheck_full_review":
      "复核差错率 {rate}% 超过 {threshold}%，须对全部选手复核，还有 {n} 名未复核",

    // Chief judge's workbench
    "judging.chief.summary_full":
      "共 {entries} 名选手：{incomplete} 名等待评分，{blocked} 名无法计算总成绩，{flagged} 处评分分歧（其中 {blocking} 处须协调后才能锁定）。",
    "judging.chief.lock_ready": "所有条件已满足，可以锁定成绩。",
    "judging.chief.lock_blocked": "目前还不能锁定成绩：",
    "judging.chief.recheck_title": "锁定前复核",
    "judging.chief.recheck_link": "复核安排",

    // Sheet refused while the scheme cannot compute a total
    "judging.sheet.not_ready":
      "本赛项的评分细则有误，暂不能保存评分（裁判长和组织者均可看到这些问题）。请联系组织者在“评分细则”页修改：",

    // Reserve judges and panel coverage (organiser)
    "judging.judges.reserve": "备用裁判",
    "judging.judges.reserve_hint":
      "备用裁判只在回避使某选手的裁判不足 3 名时为该选手评分，并排在其他裁判之后，不改变已有的裁判编号。评分开始后仍可增派备用裁判。",
    "judging.judges.started_add_only": "评分已经开始：只能增派备用裁判，不能移除裁判或更换裁判长。",
    "judging.judges.cannot_remove": "评分已经开始，不能移除裁判、更换裁判长或把正式裁判改为备用",
    "judging.judges.chief_reserve": "裁判长不能是备用裁判",
    "judging.judges.coverage_title": "回避后的裁判人数",
    "judging.judges.coverage_ok": "回避后，每名选手都有足够的裁判。",
    "judging.judges.coverage_gap":
      "{organisation} 的 {entries} 名选手：回避后只有 {judges} 名裁判，{criteria}。请增派一名不属于该单位及其上级工会的备用裁判。",
    "judging.judges.coverage_need": "评分项 {criterion} 需要 {need} 名",
    "judging.judges.coverage_need_exact": "评分项 {criterion} 须恰好 {need} 名",
    "judging.judges.blocked_title": "目前无法计算总成绩的选手",

    // Organiser overview
    "judging.admin.problems": "待处理",
    "judging.admin.problems_none": "无",
    "judging.admin.problems_count": "{n} 个问题",
    "judging.admin.recheck": "锁定前复核",

    // Prize rules saved with field-level problems
    "judging.scheme.rules_problems": "计分规则与奖项未保存，请修改标出的项目：",

    // Theory cap on the contest
    "reg.contest.theoryCap": "理论成绩占比上限（%）",
    "reg.contest.theoryCapHint": "留空则采用本类竞赛的默认上限：{default}。",
    "reg.contest.theoryCapNone": "不设上限",
    "reg.contest.theoryCapInvalid": "请输入 0 到 100 的整数",
    "reg.contest.theoryCapBroken":
      "赛项“{event}”的理论知识占 {weight}%，超过新的上限 {cap}%；请先调整该赛项的权重",

    // Recheck: organiser's configuration
    "recheck.title": "锁定前复核",
    "recheck.intro":
      "锁定成绩前，由未参与评分的裁判对部分选手的评分进行复核：排名前 N 名全部复核，其余选手按比例随机抽取复核；复核差错率超过阈值时，须对全部选手复核。",
    "recheck.config.title": "复核规则",
    "recheck.config.top": "前 N 名全部复核",
    "recheck.config.top_hint": "0 表示不按名次复核",
    "recheck.config.share": "其余选手抽查比例（%）",
    "recheck.config.share_hint": "至少复核其余选手的这一比例（向上取整），随机抽取",
    "recheck.config.error": "全部复核的差错率阈值（%）",
    "recheck.config.error_hint": "有差错的复核份数占已复核份数的比例超过此值时，须全部复核",
    "recheck.config.save": "保存复核规则",
    "recheck.config.saved": "复核规则已保存",
    "recheck.config.top_invalid": "请输入 0 到 {max} 的整数",
    "recheck.config.share_invalid": "请输入 0 到 100 之间、最多两位小数的百分比",
    "recheck.config.error_invalid": "请输入 0 到 100 之间、最多两位小数的百分比",
    "recheck.config.locked": "成绩已锁定，不能再修改复核规则",
    "recheck.config.off": "本赛项未设置锁定前复核。",
    "recheck.config.summary":
      "前 {top} 名全部复核，其余选手至少抽查 {share}%；差错率超过 {error}% 时全部复核。",

    // Recheck: status
    "recheck.status.title": "复核进度",
    "recheck.status.rate":
      "已完成 {done} 份复核，其中 {errors} 份发现差错，差错率 {rate}%（阈值 {threshold}%）。",
    "recheck.status.sample":
      "前 {top} 名：{topCount} 名；其余 {rest} 名中须复核 {sample} 名，已选取 {sampled} 名。",
    "recheck.status.full_review": "差错率超过阈值，已于 {date} 决定对全部选手复核。",
    "recheck.status.to_select": "还需选取 {n} 名选手复核。",
    "recheck.status.all_selected": "按规则需要复核的选手都已选取。",
    "recheck.reason.top": "前 N 名",
    "recheck.reason.random": "随机抽取",
    "recheck.reason.full": "全部复核",
    "recheck.state.selected": "待分配",
    "recheck.state.assigned": "待复核",
    "recheck.state.done": "已复核",
    "recheck.col.reason": "复核原因",
    "recheck.col.state": "状态",
    "recheck.col.judge": "复核裁判",
    "recheck.col.differences": "更正处数",
    "recheck.none_yet": "还没有选取复核。",

    // Recheck: chief judge
    "recheck.select": "按规则选取",
    "recheck.selected": "已选取 {selected} 名（按名次或全部复核），随机抽取 {drawn} 名",
    "recheck.assign": "分配",
    "recheck.assign_to": "复核裁判（{code}）",
    "recheck.assigned": "复核已分配",
    "recheck.no_eligible":
      "没有可分配的裁判：复核裁判不能是该选手的原评分裁判，也不能与其单位有关。请组织者增加裁判账号。",
    "recheck.draws.title": "随机抽取记录",
    "recheck.draws.row":
      "第 {id} 次抽取：种子 {seed}，从 {candidates} 名候选（按编号升序）中抽取 {count} 名",
    "recheck.draws.hint":
      "抽取可复现：用同一种子和候选名单调用 drawRechecks（app/domain/judging/recheck.ts）得到相同结果。",
    "recheck.back": "返回裁判长工作台",
    "recheck.select.incomplete": "还有 {n} 名选手没有总成绩，名次未定，暂不能选取复核",
    "recheck.select.not_required": "本赛项未设置锁定前复核",
    "recheck.select.nothing": "按规则需要复核的选手都已选取",
    "recheck.select.not_computable": "本赛项的计分规则有误，成绩无法计算，暂不能选取复核",
    "recheck.assign.done": "该复核已完成，不能再分配",
    "recheck.assign.not_eligible":
      "该裁判不能复核此选手：复核裁判不能是原评分裁判，也不能与选手单位有关",
    "recheck.not_found": "复核任务不存在",
    "recheck.closed": "成绩已锁定，复核已结束",
    "recheck.already_done": "该复核已完成",

    // Recheck: the rechecking judge
    "recheck.tasks.title": "复核任务",
    "recheck.tasks.open": "开始复核",
    "recheck.tasks.view": "查看",
    "recheck.sheet.title": "复核 {code}",
    "recheck.sheet.intro":
      "逐项核对该选手的评分。与原评分不同的，直接改为核定的分数，并在下方写明原因；全部核对无误则直接点击“完成复核”。",
    "recheck.sheet.reason": "差异说明（有修改时必填，记入审计日志）",
    "recheck.sheet.done": "完成复核",
    "recheck.sheet.saved": "复核已完成：更正 {n} 处",
    "recheck.sheet.full_review": "差错率已超过阈值，裁判长须安排对全部选手复核。",
    "recheck.sheet.already": "该复核已完成。",
    "recheck.sheet.invalid": "部分分数有误，请修改标红的项目",
    "recheck.sheet.reason_required": "有分数与原评分不同，请写明差异说明",
    "recheck.sheet.judge_cell": "{criterion} 裁判{n}",
    "recheck.sheet.measurement_cell": "{criterion} 测量值",
    "recheck.sheet.original": "原评分 {value}",

    // Audit trail of an entry
    "judging.audit.kind.mark.recheck": "复核更正评分",
    "judging.audit.kind.recheck.select": "选取复核",
    "judging.audit.kind.recheck.assign": "分配复核",
    "judging.audit.kind.recheck.done": "完成复核",
    "judging.audit.kind.recheck.reopen": "评分变动，重新复核",

    // Receipt
    "recheck.receipt.done": "本成绩已在锁定前复核（{reason}），复核更正 {n} 处。",

    // Standardised score
    "scoring.standardised_precision":
      "标准分保留 {decimals} 位小数，使总成绩不同的选手标准分也不同。",
  },
  en: {
    "judging.reason.panel_empty":
      "Blind code {blindCode}: every judge of the event is recused from this entry, so nobody can mark it. The organiser should add a reserve judge from outside the entry's unit and its parent union on the Judges page.",
    "judging.reason.panel_too_small":
      "Blind code {blindCode}: criterion {criterion} needs at least {need} judges under its rule, but recusal leaves {judges}, so there is no total. The organiser should add a reserve judge from outside the entry's unit and its parent union on the Judges page.",
    "judging.reason.panel_too_large":
      "Blind code {blindCode}: criterion {criterion} uses the WorldSkills method, which needs exactly 3 judges; this entry has {judges}. The organiser should make the extra judges reserves.",
    "judging.reason.measurement_twice":
      "Blind code {blindCode}: measurement {criterion} has more than one reading. The chief judge should keep the right one on the review page.",
    "judging.reason.mark_invalid":
      "Blind code {blindCode}: Judge {judge}'s mark on criterion {criterion} is invalid. The chief judge should correct it on the review page.",
    "judging.reason.presided_by_others":
      "{n} more entries that you are recused from have no total. The organiser can see why on the Judges page and add a reserve judge.",
    "judging.reason.title": "Why there is no total",
    "judging.reason.short": "No total can be computed (see why above)",
    "judging.reason.configuration":
      "This event's scoring rules are wrong, so results cannot be computed or locked. The organiser should fix them on the Marking scheme page:",

    "judging.lock.recheck_unselected":
      "{n} entries still have to be selected for recheck under the rule (press “Select by the rule” on the Recheck before lock page)",
    "judging.lock.recheck_pending": "{n} rechecks are not finished",
    "judging.lock.recheck_full_review":
      "The recheck error rate of {rate}% is above {threshold}%, so every entry must be rechecked; {n} are not yet",

    "judging.chief.summary_full":
      "{entries} entries: {incomplete} waiting for marks, {blocked} with no computable total, {flagged} disagreements flagged ({blocking} must be resolved before locking).",
    "judging.chief.lock_ready": "Everything is in place: the results can be locked.",
    "judging.chief.lock_blocked": "The results cannot be locked yet:",
    "judging.chief.recheck_title": "Recheck before lock",
    "judging.chief.recheck_link": "Rechecks",

    "judging.sheet.not_ready":
      "This event's marking scheme is wrong, so marks cannot be saved yet (the chief judge and the organiser see the same problems). Ask the organiser to fix it on the Marking scheme page:",

    "judging.judges.reserve": "Reserve",
    "judging.judges.reserve_hint":
      "A reserve judge marks only the entries whose panel recusal leaves below 3 judges, and comes after the other judges, so existing judge numbers never change. Reserves can be added after marking has started.",
    "judging.judges.started_add_only":
      "Marking has started: you can add reserve judges, but not remove judges or change the chief judge.",
    "judging.judges.cannot_remove":
      "Marking has started: judges cannot be removed, the chief judge cannot change, and a judge cannot become a reserve",
    "judging.judges.chief_reserve": "The chief judge cannot be a reserve",
    "judging.judges.coverage_title": "Judges left after recusal",
    "judging.judges.coverage_ok": "After recusal every entry has enough judges.",
    "judging.judges.coverage_gap":
      "{entries} entries of {organisation}: recusal leaves {judges} judges; {criteria}. Add a reserve judge who is not from this unit or its parent union.",
    "judging.judges.coverage_need": "criterion {criterion} needs {need}",
    "judging.judges.coverage_need_exact": "criterion {criterion} needs exactly {need}",
    "judging.judges.blocked_title": "Entries with no computable total",

    "judging.admin.problems": "To fix",
    "judging.admin.problems_none": "None",
    "judging.admin.problems_count": "{n} problems",
    "judging.admin.recheck": "Recheck",

    "judging.scheme.rules_problems":
      "The scoring rules and prizes were not saved; fix the marked fields:",

    "reg.contest.theoryCap": "Theory share cap (%)",
    "reg.contest.theoryCapHint": "Leave empty for the default of the contest kind: {default}.",
    "reg.contest.theoryCapNone": "no cap",
    "reg.contest.theoryCapInvalid": "Enter a whole number from 0 to 100",
    "reg.contest.theoryCapBroken":
      "Theory carries {weight}% of event “{event}”, above the new cap of {cap}%; change that event's weights first",

    "recheck.title": "Recheck before lock",
    "recheck.intro":
      "Before the results are locked, judges who did not mark an entry recheck its marks: the top N entries in full and a random share of the rest. When the recheck error rate passes the threshold, every entry is rechecked.",
    "recheck.config.title": "Recheck rule",
    "recheck.config.top": "Recheck the top N in full",
    "recheck.config.top_hint": "0 = no recheck by rank",
    "recheck.config.share": "Share of the rest to recheck (%)",
    "recheck.config.share_hint":
      "At least this share of the other entries (rounded up), drawn at random",
    "recheck.config.error": "Error rate that orders a full re-review (%)",
    "recheck.config.error_hint":
      "When the share of rechecks that found differences is above this, every entry is rechecked",
    "recheck.config.save": "Save recheck rule",
    "recheck.config.saved": "Recheck rule saved",
    "recheck.config.top_invalid": "Enter a whole number from 0 to {max}",
    "recheck.config.share_invalid": "Enter a percentage from 0 to 100 with at most two decimals",
    "recheck.config.error_invalid": "Enter a percentage from 0 to 100 with at most two decimals",
    "recheck.config.locked": "Results are locked; the recheck rule can no longer change",
    "recheck.config.off": "This event has no recheck before lock.",
    "recheck.config.summary":
      "The top {top} in full and at least {share}% of the rest; every entry when the error rate passes {error}%.",

    "recheck.status.title": "Recheck progress",
    "recheck.status.rate":
      "{done} rechecks done, {errors} found differences: error rate {rate}% (threshold {threshold}%).",
    "recheck.status.sample":
      "Top {top}: {topCount} entries; of the other {rest}, {sample} must be rechecked and {sampled} are selected.",
    "recheck.status.full_review":
      "The error rate passed the threshold: on {date} every entry was ordered to be rechecked.",
    "recheck.status.to_select": "{n} more entries have to be selected for recheck.",
    "recheck.status.all_selected": "Every entry the rule requires is selected.",
    "recheck.reason.top": "Top N",
    "recheck.reason.random": "Random draw",
    "recheck.reason.full": "Full re-review",
    "recheck.state.selected": "To assign",
    "recheck.state.assigned": "To recheck",
    "recheck.state.done": "Rechecked",
    "recheck.col.reason": "Why",
    "recheck.col.state": "Status",
    "recheck.col.judge": "Rechecked by",
    "recheck.col.differences": "Corrections",
    "recheck.none_yet": "No entries are selected for recheck yet.",

    "recheck.select": "Select by the rule",
    "recheck.selected": "Selected {selected} by rank or full re-review, drew {drawn} at random",
    "recheck.assign": "Assign",
    "recheck.assign_to": "Recheck judge ({code})",
    "recheck.assigned": "Recheck assigned",
    "recheck.no_eligible":
      "No judge can take it: a recheck judge must not have marked the entry or belong to its unit. Ask the organiser for more judge accounts.",
    "recheck.draws.title": "Random draws",
    "recheck.draws.row":
      "Draw {id}: seed {seed}, {count} drawn from {candidates} candidates (in ascending id order)",
    "recheck.draws.hint":
      "Draws can be repeated: drawRechecks (app/domain/judging/recheck.ts) with the same seed and candidates gives the same entries.",
    "recheck.back": "Back to the chief judge's page",
    "recheck.select.incomplete":
      "{n} entries have no total yet, so the ranking is not final; rechecks cannot be selected yet",
    "recheck.select.not_required": "This event has no recheck before lock",
    "recheck.select.nothing": "Every entry the rule requires is already selected",
    "recheck.select.not_computable":
      "This event's scoring rules are wrong and results cannot be computed; rechecks cannot be selected yet",
    "recheck.assign.done": "This recheck is done and cannot be reassigned",
    "recheck.assign.not_eligible":
      "This judge cannot recheck the entry: a recheck judge must not have marked it or belong to its unit",
    "recheck.not_found": "No such recheck",
    "recheck.closed": "Results are locked; rechecking is over",
    "recheck.already_done": "This recheck is done",

    "recheck.tasks.title": "Rechecks",
    "recheck.tasks.open": "Start recheck",
    "recheck.tasks.view": "View",
    "recheck.sheet.title": "Recheck {code}",
    "recheck.sheet.intro":
      "Go through the entry's marks. Where a mark is wrong, change it to the right value and say why below; when everything is right, just press “Finish recheck”.",
    "recheck.sheet.reason":
      "What differed and why (required when you change a mark; goes into the audit log)",
    "recheck.sheet.done": "Finish recheck",
    "recheck.sheet.saved": "Recheck finished: {n} corrections",
    "recheck.sheet.full_review":
      "The error rate has passed the threshold: the chief judge has to have every entry rechecked.",
    "recheck.sheet.already": "This recheck is done.",
    "recheck.sheet.invalid": "Some marks are wrong; fix the ones marked in red",
    "recheck.sheet.reason_required":
      "Some marks differ from the original: say what differed and why",
    "recheck.sheet.judge_cell": "{criterion} Judge {n}",
    "recheck.sheet.measurement_cell": "{criterion} measurement",
    "recheck.sheet.original": "was {value}",

    "judging.audit.kind.mark.recheck": "Recheck correction",
    "judging.audit.kind.recheck.select": "Selected for recheck",
    "judging.audit.kind.recheck.assign": "Recheck assigned",
    "judging.audit.kind.recheck.done": "Recheck finished",
    "judging.audit.kind.recheck.reopen": "Marks changed: recheck again",

    "recheck.receipt.done":
      "This result was rechecked before the results were locked ({reason}); the recheck corrected {n} marks.",

    "scoring.standardised_precision":
      "Standardised scores carry {decimals} decimals so that different totals never share a score.",
  },
};
