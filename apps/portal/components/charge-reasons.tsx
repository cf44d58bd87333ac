import { ruleText } from '@/lib/rules-text';

/**
 * The rules behind one charge, in words, as one flowing sentence list: the "why" that Veeam's own
 * tools do not give. Rule ids stay visible (small) so a reader can look them up in the rulebook.
 */
export function ChargeReasons({ rules }: { rules: readonly string[] }) {
  return (
    <ul className="reasons">
      {rules.map((rule) => (
        <li key={rule}>
          {ruleText(rule)} <code className="rule-id">{rule}</code>
        </li>
      ))}
    </ul>
  );
}
