// The two rules an organiser sets when composing a quiz and may change later: when answers are
// shown and how multiple choice is scored. Shared by the composer and the quiz's own page.
import type { UseFormRegisterReturn } from "react-hook-form";
import { SelectField } from "~/components/form-fields";
import { PARTIAL_CREDIT_RULES, REVIEW_POLICIES } from "~/domain/quiz";
import { useT } from "~/i18n";

export function QuizRuleFields({
  reviewPolicy,
  partialCredit,
  errorFor,
}: {
  reviewPolicy: UseFormRegisterReturn<"reviewPolicy">;
  partialCredit: UseFormRegisterReturn<"partialCredit">;
  errorFor: (name: "reviewPolicy" | "partialCredit") => string | undefined;
}) {
  const t = useT();
  return (
    <>
      <SelectField
        label={t("quiz.compose.reviewPolicy")}
        error={errorFor("reviewPolicy")}
        {...reviewPolicy}
      >
        {REVIEW_POLICIES.map((p) => (
          <option key={p} value={p}>
            {t(`rules.quiz_review_policy.${p}`)}
          </option>
        ))}
      </SelectField>
      <SelectField
        label={t("quiz.compose.partialCredit")}
        error={errorFor("partialCredit")}
        {...partialCredit}
      >
        {PARTIAL_CREDIT_RULES.map((p) => (
          <option key={p} value={p}>
            {t(`rules.quiz_partial_credit.${p}`)}
          </option>
        ))}
      </SelectField>
    </>
  );
}
