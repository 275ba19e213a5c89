import { Link } from 'react-router';

export type TMenuItem = { label: string; to: string; isActive: boolean };

/** The appliance's menu bar across the top of a screen, e.g. the protocols. */
export function MenuBar({ label, items }: { label: string; items: TMenuItem[] }) {
  return (
    <nav className="menu-bar" aria-label={label}>
      {items.map((item) => (
        <Link
          key={item.label}
          to={item.to}
          className={item.isActive ? 'menu-bar__item menu-bar__item--active' : 'menu-bar__item'}
          aria-current={item.isActive ? 'page' : undefined}
        >
          {item.label}
        </Link>
      ))}
    </nav>
  );
}
