/**
 * A minimal AU page for the browser tests: the cmi5 modules as the adapter will use them (launch
 * parsing, client with the token in sessionStorage, outbox in localStorage, session), without the
 * course UI. Built with Vite by tests/browser/cmi5-au.test.ts. `terminated` on pagehide with
 * keepalive; the Exit button terminates, then follows the LMS's returnURL.
 */
import { createCmi5Client } from '../../../src/tracking/cmi5/client.ts';
import { parseLaunchData, parseLaunchUrl } from '../../../src/tracking/cmi5/launch.ts';
import { createOutbox } from '../../../src/tracking/cmi5/queue.ts';
import { openCmi5Session } from '../../../src/tracking/cmi5/session.ts';

const status = document.querySelector<HTMLElement>('#status');
const say = (text: string) => {
  if (status) status.textContent = text;
};

async function start() {
  const parsed = parseLaunchUrl(location.search);
  if (!parsed.ok) return say(`Launch problem: ${parsed.errors.map((e) => e.message).join('; ')}`);
  const client = createCmi5Client({ launch: parsed.params, tokenStore: sessionStorage });
  const raw = await client.getLaunchData();
  if (!raw.ok) return say(`The LMS did not answer: ${raw.message}`);
  const data = parseLaunchData(raw.value);
  if (!data.ok) return say(data.message);
  const outbox = createOutbox({ storage: localStorage, registration: parsed.params.registration });
  const session = await openCmi5Session({ launch: parsed.params, launchData: data.data, lang: 'en', client, outbox, sessionStore: sessionStorage });
  if (session.status().terminated) return say('This launch has ended. Open the course again from your LMS.');
  session.initialize();
  addEventListener('pagehide', () => void session.terminate({ unloading: true }));
  document.querySelector('#progress')?.addEventListener('click', () => session.progressed(50));
  document.querySelector('#exit')?.addEventListener('click', () => {
    void session.terminate().then(({ returnURL }) => {
      if (returnURL) location.assign(returnURL);
      else say('You can close this window.');
    });
  });
  say(`Connected (${data.data.launchMode})`);
}

void start();
