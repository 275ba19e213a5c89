import { useEffect, useRef } from 'react';
import type { TAuditEntry } from '../../../api/audit.ts';
import { PropertyRow, PropertySection } from '../../../components/property-table.tsx';
import { formatTime } from '../../../format/format-time.ts';
import { diffFields } from './audit-diff.ts';

/** One entry: who did what, and each changed field with its value before and after. */
export function AuditDetail({ entry, onClose }: { entry: TAuditEntry; onClose: () => void }) {
  const changes = diffFields(entry.before, entry.after);
  const ref = useRef<HTMLElement>(null);

  // Opened from a row far up a long page: bring it into view.
  useEffect(() => {
    ref.current?.scrollIntoView({ block: 'nearest' });
  }, [entry.id]);

  return (
    <section ref={ref} className="audit-detail" aria-label="Audit entry details">
      <PropertySection title="Audit Entry">
        <PropertyRow label="Time">{formatTime(entry.time)}</PropertyRow>
        <PropertyRow label="User">{entry.actor}</PropertyRow>
        <PropertyRow label="Address">
          <span className="mono">{entry.address}</span>
        </PropertyRow>
        <PropertyRow label="Action">{entry.action}</PropertyRow>
        <PropertyRow label="Object">
          {entry.objectType} {entry.objectName}
        </PropertyRow>
      </PropertySection>
      <table className="data-table audit-diff" aria-label="Changed fields">
        <caption className="property-table__heading">Changes</caption>
        <thead>
          <tr>
            <th>Field</th>
            <th>Before</th>
            <th>After</th>
          </tr>
        </thead>
        <tbody>
          {changes.length === 0 && (
            <tr className="data-table__empty">
              <td colSpan={3}>No field changed.</td>
            </tr>
          )}
          {changes.map((change) => (
            <tr key={change.path}>
              <th scope="row" className="mono audit-diff__field">{change.path}</th>
              <td className="mono audit-diff__before">
                {change.before === undefined ? <span className="hint">(none)</span> : change.before}
              </td>
              <td className="mono audit-diff__after">
                {change.after === undefined ? <span className="hint">(none)</span> : change.after}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      <div className="form-buttons form-buttons--below">
        <button type="button" className="button" onClick={onClose}>Close</button>
      </div>
    </section>
  );
}
