import type { ReactNode } from 'react';

// `id` lets other parts of a long form link to the section.
type TPropertySectionProps = { title: string; id?: string; children: ReactNode };

/**
 * The appliance's form layout: a section heading over a two-column table of
 * property (label) and value (control, with its error beside it).
 */
export function PropertySection({ title, id, children }: TPropertySectionProps) {
  return (
    <table id={id} className="property-table">
      <caption className="property-table__heading">{title}</caption>
      <tbody>{children}</tbody>
    </table>
  );
}

type TPropertyRowProps = {
  label: string;
  // The control's id; leave it out for groups, which carry their own labels.
  htmlFor?: string;
  error?: string | undefined;
  errorId?: string;
  // Help below the control, after the error, so the error stays beside the control.
  help?: ReactNode;
  children: ReactNode;
};

export function PropertyRow(props: TPropertyRowProps) {
  const { label, htmlFor, error, errorId, help, children } = props;

  return (
    <tr className={error ? 'property-row property-row--invalid' : 'property-row'}>
      <th scope="row" className="property-row__label">
        {htmlFor ? <label htmlFor={htmlFor}>{label}</label> : label}
      </th>
      <td className="property-row__value">
        {children}
        {error && (
          <span id={errorId} className="field-error" role="alert">
            {error}
          </span>
        )}
        {help}
      </td>
    </tr>
  );
}
