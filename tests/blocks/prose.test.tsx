// @vitest-environment jsdom
import { fireEvent, render, screen } from '@testing-library/react';
import { I18nextProvider } from 'react-i18next';
import { MemoryRouter } from 'react-router';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { BlockList } from '../../src/blocks/BlockList.tsx';
import { createI18n } from '../../src/i18n/i18n.ts';
import { currentPath, prose, renderBlocks } from './blockTestUtils.tsx';

const withLinks = prose(
  '<p>Start with <a href="lesson/welcome" data-lesson="welcome">welcome</a> or read ' +
    '<a href="https://example.org/guide">the guide</a>.</p>\n<ul>\n<li>One</li>\n<li>Two</li>\n</ul>',
);

/** Whether the browser would follow the link: nobody in the app called preventDefault. */
let lastClickFollowed: boolean | undefined;
const recordClick = (event: MouseEvent) => {
  lastClickFollowed = !event.defaultPrevented;
  event.preventDefault(); // jsdom cannot navigate; the test only needs to know.
};
beforeEach(() => {
  lastClickFollowed = undefined;
  window.addEventListener('click', recordClick);
});
afterEach(() => window.removeEventListener('click', recordClick));

describe('prose', () => {
  it('shows the compiled HTML', () => {
    renderBlocks([withLinks]);
    expect(screen.getByRole('list').textContent).toContain('One');
    expect(screen.getByText(/Start with/)).toBeTruthy();
  });

  it('points lesson links at the app route and follows them inside the app on a plain click', async () => {
    const { user } = renderBlocks([withLinks]);
    const link = screen.getByRole('link', { name: 'welcome' });
    expect(link.getAttribute('href')).toBe('/lesson/welcome/');
    await user.click(link);
    expect(currentPath()).toBe('/lesson/welcome/');
    expect(lastClickFollowed).toBe(false);
  });

  it('follows lesson links with Enter', async () => {
    const { user } = renderBlocks([withLinks]);
    await user.tab();
    expect(document.activeElement).toBe(screen.getByRole('link', { name: 'welcome' }));
    await user.keyboard('{Enter}');
    expect(currentPath()).toBe('/lesson/welcome/');
  });

  it('leaves Ctrl/⌘/Shift clicks (new tab, new window) to the browser', async () => {
    const { user } = renderBlocks([withLinks]);
    const link = screen.getByRole('link', { name: 'welcome' });
    for (const key of ['Control', 'Meta', 'Shift']) {
      await user.keyboard(`{${key}>}`);
      await user.click(link);
      await user.keyboard(`{/${key}}`);
      expect(lastClickFollowed).toBe(true);
      expect(currentPath()).toBe('/');
    }
  });

  it('leaves web links alone', async () => {
    const { user } = renderBlocks([withLinks]);
    const link = screen.getByRole('link', { name: 'the guide' });
    expect(link.getAttribute('href')).toBe('https://example.org/guide');
    await user.click(link);
    expect(lastClickFollowed).toBe(true);
    expect(currentPath()).toBe('/');
  });

  it('uses the router basename in lesson links', () => {
    render(
      <I18nextProvider i18n={createI18n('en')}>
        <MemoryRouter basename="/course" initialEntries={['/course/']}>
          <BlockList blocks={[withLinks]} idPrefix="l" />
        </MemoryRouter>
      </I18nextProvider>,
    );
    expect(screen.getByRole('link', { name: 'welcome' }).getAttribute('href')).toBe('/course/lesson/welcome/');
  });

  it('middle clicks are left to the browser too', () => {
    renderBlocks([withLinks]);
    // A click event whose button is the middle one (some browsers send one; user-event sends only
    // auxclick, which never reaches the click handler, so it could not tell).
    fireEvent.click(screen.getByRole('link', { name: 'welcome' }), { button: 1 });
    expect(lastClickFollowed).toBe(true);
    expect(currentPath()).toBe('/');
  });
});
