// Text for app/domain/scoring: problem codes (`scoring.<code>`), rule, prize and
// status names, and receipt labels. {param} placeholders are filled from the
// problem's params; marks arrive pre-formatted ("7.25"). Params named {tier} or
// {rule} carry codes — translate them via scoring.prize.* / scoring.rule.* first.

export const scoringMessages = {
  zh: {
    // Marking scheme
    "scoring.scheme_no_criteria": "评分细则中没有评分项",
    "scoring.scheme_full_mark_invalid": "满分 {fullMark} 无效，须为正数且最多两位小数",
    "scoring.scheme_total_mismatch":
      "各评分项满分合计 {total} 分，与该部分满分 {fullMark} 分不一致",
    "scoring.criterion_id_empty": "评分项 {code} 缺少标识",
    "scoring.criterion_code_empty": "评分项（{id}）缺少编号",
    "scoring.criterion_duplicate_id": "评分项标识 {id} 重复",
    "scoring.criterion_duplicate_code": "评分项编号 {code} 重复",
    "scoring.criterion_max_invalid": "评分项 {code} 的满分 {maxMark} 无效，须大于 0 且最多两位小数",
    "scoring.criterion_rule_unknown": "评分项 {code} 的计分方法 {rule} 无法识别",
    "scoring.criterion_worldskills_on_measurement":
      "评分项 {code} 是测量类，不能使用世界技能大赛评价法（0–3 分）",
    "scoring.criterion_descriptor_level_invalid": "评分项 {code} 的等级描述 {level} 超出范围",
    "scoring.criterion_descriptor_level_duplicate": "评分项 {code} 的等级 {level} 重复描述",

    // Event, parts, tie-breaks, prizes
    "scoring.event_full_mark_invalid": "比赛总分满分 {fullMark} 无效",
    "scoring.event_no_parts": "比赛没有设置任何考核部分",
    "scoring.event_default_rule_invalid": "默认计分方法 {rule} 无法识别",
    "scoring.part_duplicate_id": "考核部分 {part} 重复",
    "scoring.part_weight_invalid": "考核部分 {part} 的权重 {weight}% 无效，须大于 0% 且不超过 100%",
    "scoring.part_weights_sum": "各考核部分权重合计为 {sum}%，应为 100%",
    "scoring.tiebreak_unknown_part": "同分比较规则引用了不存在的考核部分 {part}",
    "scoring.tiebreak_unknown_criterion": "同分比较规则引用了不存在的评分项 {criterion}",
    "scoring.prize_tier_unknown": "奖项等级 {tier} 无法识别",
    "scoring.prize_tier_duplicate": "奖项 {tier} 设置了多次",
    "scoring.prize_count_invalid": "奖项 {tier} 的名额 {count} 无效，须为非负整数",
    "scoring.prize_share_invalid": "奖项 {tier} 的比例 {share}% 无效，须在 0% 到 100% 之间",
    "scoring.prize_shares_exceed_total": "各奖项比例合计 {share}%，超过了 100%",
    "scoring.prize_min_total_invalid": "奖项 {tier} 的最低分数线 {minTotal} 无效",
    "scoring.prize_count_over_field":
      "奖项 {tier} 设 {count} 个名额，但本赛项只有 {field} 名选手；请减少名额或改为按比例设奖",
    "scoring.prize_places_over_field":
      "各奖项名额合计 {places} 个，多于本赛项的 {field} 名选手；请减少名额或比例",
    "scoring.prize_min_total_over_full":
      "奖项 {tier} 的最低分数线 {minTotal} 高于赛项满分 {fullMark}，无人能够获得；请调低分数线",
    "scoring.entry_duplicate_id": "参赛记录 {entry} 重复",

    // Marks
    "scoring.marks_none": "评分项 {criterion} 尚无任何裁判评分",
    "scoring.mark_missing": "评分项 {criterion}：裁判{judge}尚未评分",
    "scoring.mark_not_a_number": "评分项 {criterion}：裁判{judge}的评分不是有效数字",
    "scoring.mark_negative": "评分项 {criterion}：裁判{judge}的评分 {mark} 不能为负数",
    "scoring.mark_not_integer":
      "评分项 {criterion}：裁判{judge}的评分 {mark} 不是以 0.01 分为单位的整数",
    "scoring.mark_above_max": "评分项 {criterion}：裁判{judge}的评分 {mark} 超过满分 {max}",
    "scoring.worldskills_point_invalid":
      "评分项 {criterion}：裁判{judge}的评分 {mark} 无效，须为 0、1、2 或 3",
    "scoring.trimmed_mean_needs_three":
      "评分项 {criterion}：去掉最高分和最低分至少需要 3 名裁判（当前 {judges} 名）",
    "scoring.worldskills_needs_three":
      "评分项 {criterion}：世界技能大赛评价法需要 3 名裁判（当前 {judges} 名）",
    "scoring.single_needs_one":
      "评分项 {criterion}：测量类评分项只能有 1 个测量值（当前 {judges} 个）",
    "scoring.marks_unknown_criterion": "存在不属于当前评分细则的评分项 {criterion} 的评分，已忽略",

    // Disagreements
    "scoring.disagreement_worldskills":
      "评分项 {criterion}：裁判{high}与裁判{low}的评分相差 {spread} 分（超过 1 分），须经裁判长协调后方可锁定",
    "scoring.disagreement_spread":
      "评分项 {criterion}：裁判{high}与裁判{low}的评分相差 {spread} 分，超过允许的 {threshold} 分，请裁判长复核",

    // Aggregation rules
    "scoring.rule.mean": "平均分",
    "scoring.rule.trimmed_mean": "去掉一个最高分和一个最低分后取平均",
    "scoring.rule.median": "中位数",
    "scoring.rule.worldskills": "世界技能大赛评价法（0–3 分）",
    "scoring.rule.single": "测量值",
    "scoring.formula.mean": "({marks}) ÷ {count} = {value}",
    "scoring.formula.trimmed_mean": "去掉最高分和最低分后 ({marks}) ÷ {count} = {value}",
    "scoring.formula.mean_one": "只有一个评分：{value}",
    "scoring.formula.trimmed_mean_one": "去掉最高分和最低分后只剩一个评分：{value}",
    "scoring.formula.median": "中位数 = {value}",
    "scoring.formula.worldskills": "{maxMark} × {points} ÷ 9 = {value}",
    "scoring.formula.single": "测量值 = {value}",
    "scoring.rounding_note": "结果按四舍五入保留两位小数",

    // Criterion types
    "scoring.criterion_type.measurement": "测量",
    "scoring.criterion_type.judgement": "评价",

    // Prizes
    "scoring.prize.first": "一等奖",
    "scoring.prize.second": "二等奖",
    "scoring.prize.third": "三等奖",
    "scoring.prize.merit": "优秀奖",
    "scoring.prize.none": "未获奖",

    // Entry status and unranked reasons
    "scoring.status.complete": "成绩完整",
    "scoring.status.incomplete": "成绩不完整",
    "scoring.status.absent": "缺考",
    "scoring.status.disqualified": "取消资格",
    "scoring.unranked.incomplete": "评分未完成，暂不排名",
    "scoring.unranked.invalid_marks": "存在无效评分，暂不排名",
    "scoring.unranked.absent": "缺考，不参与排名",
    "scoring.unranked.disqualified": "已取消资格，不参与排名",

    // Marks on the receipt
    "scoring.drop.highest": "去掉的最高分",
    "scoring.drop.lowest": "去掉的最低分",
    "scoring.drop.outside_middle": "非中间值，未计入",
    "scoring.mark_status.used": "计入",
    "scoring.mark_status.dropped": "去掉",
    "scoring.mark_status.missing": "未评分",
    "scoring.mark_status.not_counted": "未计算",

    // Tie-breaks
    "scoring.tiebreak.part": "{part}成绩高者排名在前",
    "scoring.tiebreak.part_lower": "{part}成绩低者排名在前",
    "scoring.tiebreak.criterion": "评分项 {criterion} 得分高者排名在前",
    "scoring.tiebreak.criterion_lower": "评分项 {criterion} 得分低者排名在前",

    // Standardised score
    "scoring.standardisation.mad": "标准分 = 700 + 100 × (总分 − 中位数) ÷ (1.4826 × 绝对中位差)",
    "scoring.standardisation.mean_absolute_deviation":
      "标准分 = 700 + 100 × (总分 − 中位数) ÷ (1.2533 × 平均绝对偏差)（绝对中位差为 0）",
    // Plain sentences beside the arithmetic (the receipt keeps both)
    "scoring.plain.summary":
      "总成绩 {total} 分（满分 {fullMark} 分），在 {count} 个有名次的参赛者中排第 {rank} 名。",
    "scoring.plain.summary_unranked": "总成绩 {total} 分（满分 {fullMark} 分）。",
    "scoring.plain.part":
      "这一部分得 {total} 分（满分 {fullMark} 分），占总成绩的 {weight}%，折算后计入总成绩 {contribution} 分。",
    "scoring.plain.worldskills":
      "裁判各给 0–3 分，合计 {points} 分（最多 9 分）；按这个比例折合为本项满分 {maxMark} 分中的 {value} 分。",
    "scoring.plain.standardised":
      "标准分用来在全体参赛者之间比较：700 分是中间水平，每比中间高出（或低出）一个常见差距，就加（或减）100 分。",
    "scoring.standardisation.none": "所有成绩相同，标准分均为 700",

    // Receipt labels
    "scoring.judge_n": "裁判{n}",
    "scoring.receipt.title": "成绩回执",
    "scoring.receipt.entry": "参赛编号",
    "scoring.receipt.part": "考核部分",
    "scoring.receipt.criterion": "评分项",
    "scoring.receipt.sub_criterion": "评分模块",
    "scoring.receipt.criterion_type": "类型",
    "scoring.receipt.max_mark": "满分",
    "scoring.receipt.judge_marks": "裁判评分",
    "scoring.receipt.dropped": "去掉的分数",
    "scoring.receipt.rule": "计分方法",
    "scoring.receipt.formula": "计算过程",
    "scoring.receipt.result": "得分",
    "scoring.receipt.part_total": "部分得分",
    "scoring.receipt.part_full_mark": "部分满分",
    "scoring.receipt.weight": "权重",
    "scoring.receipt.weight_value": "{weight}%",
    "scoring.receipt.contribution": "折算得分",
    "scoring.receipt.total": "总成绩",
    "scoring.receipt.total_of": "{total} / {fullMark}",
    "scoring.receipt.rank": "名次",
    "scoring.receipt.rank_of": "第 {rank} 名（共 {count} 人）",
    "scoring.receipt.tied_on_total": "与另外 {n} 人总成绩相同",
    "scoring.receipt.shared_rank": "与另外 {n} 人并列",
    "scoring.receipt.tie_breaks_applied": "同分时依次比较",
    "scoring.receipt.prize": "奖项",
    "scoring.receipt.standardised": "标准分",
    "scoring.receipt.status": "状态",
    "scoring.receipt.problems": "待处理问题",
  },
  en: {
    // Marking scheme
    "scoring.scheme_no_criteria": "The marking scheme has no criteria",
    "scoring.scheme_full_mark_invalid":
      "Full mark {fullMark} is invalid: it must be positive with at most two decimals",
    "scoring.scheme_total_mismatch":
      "The criteria maxima add up to {total}, but the part's full mark is {fullMark}",
    "scoring.criterion_id_empty": "Criterion {code} has no identifier",
    "scoring.criterion_code_empty": "Criterion ({id}) has no code",
    "scoring.criterion_duplicate_id": "Criterion identifier {id} is used more than once",
    "scoring.criterion_duplicate_code": "Criterion code {code} is used more than once",
    "scoring.criterion_max_invalid":
      "Criterion {code}: maximum {maxMark} is invalid; it must be above 0 with at most two decimals",
    "scoring.criterion_rule_unknown": "Criterion {code}: aggregation rule {rule} is not recognised",
    "scoring.criterion_worldskills_on_measurement":
      "Criterion {code} is a measurement and cannot use the WorldSkills 0–3 judgement method",
    "scoring.criterion_descriptor_level_invalid":
      "Criterion {code}: descriptor level {level} is out of range",
    "scoring.criterion_descriptor_level_duplicate":
      "Criterion {code}: level {level} is described more than once",

    // Event, parts, tie-breaks, prizes
    "scoring.event_full_mark_invalid": "The event full mark {fullMark} is invalid",
    "scoring.event_no_parts": "The event has no parts",
    "scoring.event_default_rule_invalid": "Default aggregation rule {rule} is not recognised",
    "scoring.part_duplicate_id": "Part {part} appears more than once",
    "scoring.part_weight_invalid":
      "Part {part}: weight {weight}% is invalid; it must be above 0% and at most 100%",
    "scoring.part_weights_sum": "Part weights add up to {sum}%; they must add up to 100%",
    "scoring.tiebreak_unknown_part": "A tie-break refers to part {part}, which does not exist",
    "scoring.tiebreak_unknown_criterion":
      "A tie-break refers to criterion {criterion}, which does not exist",
    "scoring.prize_tier_unknown": "Prize tier {tier} is not recognised",
    "scoring.prize_tier_duplicate": "Prize {tier} is configured more than once",
    "scoring.prize_count_invalid":
      "Prize {tier}: {count} places is invalid; use a whole number of 0 or more",
    "scoring.prize_share_invalid":
      "Prize {tier}: share {share}% is invalid; it must be between 0% and 100%",
    "scoring.prize_shares_exceed_total": "Prize shares add up to {share}%, more than 100%",
    "scoring.prize_min_total_invalid": "Prize {tier}: minimum total {minTotal} is invalid",
    "scoring.prize_count_over_field":
      "Prize {tier} has {count} places but the event has only {field} entrants; give fewer places or use a share",
    "scoring.prize_places_over_field":
      "The prizes have {places} places in all, more than the event's {field} entrants; reduce the counts or shares",
    "scoring.prize_min_total_over_full":
      "Prize {tier}: minimum total {minTotal} is above the event's full mark {fullMark}, so nobody could win it; lower it",
    "scoring.entry_duplicate_id": "Entry {entry} appears more than once",

    // Marks
    "scoring.marks_none": "Criterion {criterion} has no marks yet",
    "scoring.mark_missing": "Criterion {criterion}: Judge {judge} has not entered a mark",
    "scoring.mark_not_a_number":
      "Criterion {criterion}: Judge {judge}'s mark is not a valid number",
    "scoring.mark_negative":
      "Criterion {criterion}: Judge {judge}'s mark {mark} cannot be negative",
    "scoring.mark_not_integer":
      "Criterion {criterion}: Judge {judge}'s mark {mark} is not a whole number of hundredths",
    "scoring.mark_above_max":
      "Criterion {criterion}: Judge {judge}'s mark {mark} is above the maximum {max}",
    "scoring.worldskills_point_invalid":
      "Criterion {criterion}: Judge {judge}'s mark {mark} must be 0, 1, 2 or 3",
    "scoring.trimmed_mean_needs_three":
      "Criterion {criterion}: dropping the highest and lowest marks needs at least 3 judges ({judges} on the panel)",
    "scoring.worldskills_needs_three":
      "Criterion {criterion}: the WorldSkills method needs exactly 3 judges ({judges} on the panel)",
    "scoring.single_needs_one":
      "Criterion {criterion}: a measurement takes exactly 1 value ({judges} given)",
    "scoring.marks_unknown_criterion":
      "Marks for {criterion}, which is not in the current marking scheme, were ignored",

    // Disagreements
    "scoring.disagreement_worldskills":
      "Criterion {criterion}: Judge {high} and Judge {low} are {spread} points apart (more than 1); the chief judge must resolve this before locking",
    "scoring.disagreement_spread":
      "Criterion {criterion}: Judge {high} and Judge {low} are {spread} apart, more than the allowed {threshold}; please review",

    // Aggregation rules
    "scoring.rule.mean": "Mean",
    "scoring.rule.trimmed_mean": "Mean after dropping the highest and lowest mark",
    "scoring.rule.median": "Median",
    "scoring.rule.worldskills": "WorldSkills judgement (0–3 points)",
    "scoring.rule.single": "Measurement",
    "scoring.formula.mean": "({marks}) ÷ {count} = {value}",
    "scoring.formula.trimmed_mean": "Highest and lowest dropped: ({marks}) ÷ {count} = {value}",
    "scoring.formula.mean_one": "One mark only: {value}",
    "scoring.formula.trimmed_mean_one": "Highest and lowest dropped, one mark is left: {value}",
    "scoring.formula.median": "Median = {value}",
    "scoring.formula.worldskills": "{maxMark} × {points} ÷ 9 = {value}",
    "scoring.formula.single": "Measured value = {value}",
    "scoring.rounding_note": "Results are rounded half up to two decimals",

    // Criterion types
    "scoring.criterion_type.measurement": "Measurement",
    "scoring.criterion_type.judgement": "Judgement",

    // Prizes
    "scoring.prize.first": "First prize",
    "scoring.prize.second": "Second prize",
    "scoring.prize.third": "Third prize",
    "scoring.prize.merit": "Merit award",
    "scoring.prize.none": "No prize",

    // Entry status and unranked reasons
    "scoring.status.complete": "Complete",
    "scoring.status.incomplete": "Incomplete",
    "scoring.status.absent": "Absent",
    "scoring.status.disqualified": "Disqualified",
    "scoring.unranked.incomplete": "Not ranked: marking is not finished",
    "scoring.unranked.invalid_marks": "Not ranked: some marks are invalid",
    "scoring.unranked.absent": "Not ranked: absent",
    "scoring.unranked.disqualified": "Not ranked: disqualified",

    // Marks on the receipt
    "scoring.drop.highest": "Highest mark, dropped",
    "scoring.drop.lowest": "Lowest mark, dropped",
    "scoring.drop.outside_middle": "Not a middle mark, not counted",
    "scoring.mark_status.used": "Counted",
    "scoring.mark_status.dropped": "Dropped",
    "scoring.mark_status.missing": "Not marked",
    "scoring.mark_status.not_counted": "Not calculated",

    // Tie-breaks
    "scoring.tiebreak.part": "Higher {part} score ranks first",
    "scoring.tiebreak.part_lower": "Lower {part} score ranks first",
    "scoring.tiebreak.criterion": "Higher mark on criterion {criterion} ranks first",
    "scoring.tiebreak.criterion_lower": "Lower mark on criterion {criterion} ranks first",

    // Standardised score
    "scoring.standardisation.mad":
      "Standard score = 700 + 100 × (total − median) ÷ (1.4826 × median absolute deviation)",
    "scoring.standardisation.mean_absolute_deviation":
      "Standard score = 700 + 100 × (total − median) ÷ (1.2533 × mean absolute deviation) (median absolute deviation is 0)",
    // Plain sentences beside the arithmetic (the receipt keeps both)
    "scoring.plain.summary":
      "A total of {total} out of {fullMark}, ranked {rank} of {count, plural, one {# ranked entrant} other {# ranked entrants}}.",
    "scoring.plain.summary_unranked": "A total of {total} out of {fullMark}.",
    "scoring.plain.part":
      "This part scored {total} out of {fullMark}; it counts for {weight}% of the total, so it adds {contribution} to the total.",
    "scoring.plain.worldskills":
      "Each judge gives 0–3 points; together {points} of a possible 9, which in proportion is {value} of this criterion's {maxMark}.",
    "scoring.plain.standardised":
      "The standard score compares all entrants: 700 is the middle, and each typical gap above (or below) the middle adds (or takes away) 100.",
    "scoring.standardisation.none": "All totals are equal; every standard score is 700",

    // Receipt labels
    "scoring.judge_n": "Judge {n}",
    "scoring.receipt.title": "Score receipt",
    "scoring.receipt.entry": "Entry number",
    "scoring.receipt.part": "Part",
    "scoring.receipt.criterion": "Criterion",
    "scoring.receipt.sub_criterion": "Sub-criterion",
    "scoring.receipt.criterion_type": "Type",
    "scoring.receipt.max_mark": "Max",
    "scoring.receipt.judge_marks": "Judges' marks",
    "scoring.receipt.dropped": "Dropped marks",
    "scoring.receipt.rule": "Method",
    "scoring.receipt.formula": "Calculation",
    "scoring.receipt.result": "Mark",
    "scoring.receipt.part_total": "Part score",
    "scoring.receipt.part_full_mark": "Part full mark",
    "scoring.receipt.weight": "Weight",
    "scoring.receipt.weight_value": "{weight}%",
    "scoring.receipt.contribution": "Weighted score",
    "scoring.receipt.total": "Total",
    "scoring.receipt.total_of": "{total} / {fullMark}",
    "scoring.receipt.rank": "Rank",
    "scoring.receipt.rank_of": "{rank} of {count}",
    "scoring.receipt.tied_on_total": "Same total as {n} other(s)",
    "scoring.receipt.shared_rank": "Tied with {n} other(s)",
    "scoring.receipt.tie_breaks_applied": "Ties broken by",
    "scoring.receipt.prize": "Prize",
    "scoring.receipt.standardised": "Standard score",
    "scoring.receipt.status": "Status",
    "scoring.receipt.problems": "Open issues",
  },
} as const;

export type ScoringMessageKey = keyof (typeof scoringMessages)["zh"];
