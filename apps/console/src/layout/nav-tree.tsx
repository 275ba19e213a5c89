import { useState } from 'react';
import { NavLink } from 'react-router';
import type { TRole } from '../auth/permissions.ts';
import { navForRole, type TNavNode } from './nav-items.ts';

/** The left-hand tree under the Main tab; top-level sections fold away. */
export function NavTree({ role }: { role: TRole }) {
  return (
    <nav className="nav-panel" aria-label="Main">
      <div className="nav-tabs" role="presentation">
        <span className="nav-tab nav-tab--active">Main</span>
      </div>
      <ul className="nav-tree">
        {navForRole(role).map((section) => (
          <NavSection key={section.label} section={section} />
        ))}
      </ul>
    </nav>
  );
}

function NavSection({ section }: { section: TNavNode }) {
  const [isOpen, setIsOpen] = useState(true);
  const listId = `nav-${section.label.toLowerCase().replaceAll(' ', '-')}`;

  return (
    <li className="nav-section">
      <button
        type="button"
        className="nav-section__toggle"
        aria-expanded={isOpen}
        aria-controls={listId}
        onClick={() => setIsOpen(!isOpen)}
      >
        <span className="nav-section__icon" aria-hidden="true" />
        {section.label}
      </button>
      <ul id={listId} className="nav-section__items" hidden={!isOpen}>
        {(section.children ?? []).map((node) => (
          <NavNode key={node.label} node={node} depth={1} />
        ))}
      </ul>
    </li>
  );
}

function NavNode({ node, depth }: { node: TNavNode; depth: number }) {
  const style = { paddingLeft: `${depth * 12}px` };

  return (
    <li>
      {node.to ? (
        <NavLink to={node.to} className="nav-link" style={style}>
          {node.label}
        </NavLink>
      ) : (
        <span className="nav-group" style={style}>
          {node.label}
        </span>
      )}
      {node.children && (
        <ul>
          {node.children.map((child) => (
            <NavNode key={child.label} node={child} depth={depth + 1} />
          ))}
        </ul>
      )}
    </li>
  );
}
