import {
  VIOLATION_NAMES,
  type TViolation,
  type TViolationAction,
  type TViolationActions,
} from '@portcullis/contracts';
import { Link } from 'react-router';
import { CHECKS, checkSectionId, violationLabel, type TCheckEntry } from './check-catalog.ts';
import { ColumnToggle } from './column-toggle.tsx';

type TFlag = keyof TViolationAction;

type TDefenseTableProps = {
  actions: TViolationActions;
  onChange: (actions: TViolationActions) => void;
};

const FLAGS: Array<{ flag: TFlag; label: string }> = [
  { flag: 'alarm', label: 'Alarm' },
  { flag: 'block', label: 'Block' },
];

export const ANTI_VIRUS_OPTIONS_PATH = '/protocol-security/options/anti-virus';

function scrollToSection(check: TCheckEntry['check']) {
  document.getElementById(checkSectionId(check))?.scrollIntoView({ block: 'start' });
}

function GroupRow({ entry }: { entry: TCheckEntry }) {
  return (
    <tr className="defense-table__group">
      <th scope="colgroup" colSpan={3}>
        {entry.title}
        {entry.settings ? (
          <a
            className="defense-table__jump"
            href={`#${checkSectionId(entry.check)}`}
            onClick={(event) => {
              event.preventDefault();
              scrollToSection(entry.check);
            }}
          >
            settings
          </a>
        ) : (
          <Link className="defense-table__jump" to={ANTI_VIRUS_OPTIONS_PATH}>
            server options
          </Link>
        )}
      </th>
    </tr>
  );
}

/**
 * Defense Configuration: for every violation, Alarm (record it and go on) and Block
 * (refuse it); with neither, the check is not run. Grouped by check.
 */
export function DefenseConfigurationTable({ actions, onChange }: TDefenseTableProps) {
  function setFlag(violation: TViolation, flag: TFlag, isChecked: boolean) {
    onChange({ ...actions, [violation]: { ...actions[violation], [flag]: isChecked } });
  }

  function setColumn(flag: TFlag, isChecked: boolean) {
    const entries = VIOLATION_NAMES.map((v) => [v, { ...actions[v], [flag]: isChecked }]);

    onChange(Object.fromEntries(entries) as TViolationActions);
  }

  return (
    <table className="data-table defense-table" aria-label="Defense Configuration">
      <caption className="property-table__heading">Defense Configuration</caption>
      <thead>
        <tr>
          <th>Violation</th>
          {FLAGS.map(({ flag, label }) => (
            <th key={flag} className="defense-table__flag">
              <ColumnToggle
                label={label}
                values={VIOLATION_NAMES.map((v) => actions[v][flag])}
                onChange={(isChecked) => setColumn(flag, isChecked)}
              />
            </th>
          ))}
        </tr>
      </thead>
      {CHECKS.map((entry) => (
        <tbody key={entry.check}>
          <GroupRow entry={entry} />
          {entry.violations.map((violation) => (
            <tr key={violation}>
              <th scope="row" className="defense-table__violation">
                {violationLabel(violation)}
                <span className="hint mono">{violation}</span>
              </th>
              {FLAGS.map(({ flag, label }) => (
                <td key={flag} className="defense-table__flag">
                  <input
                    type="checkbox"
                    aria-label={`${violationLabel(violation)} ${label}`}
                    checked={actions[violation][flag]}
                    onChange={(event) => setFlag(violation, flag, event.target.checked)}
                  />
                </td>
              ))}
            </tr>
          ))}
        </tbody>
      ))}
    </table>
  );
}
