/** The read-aloud player with a fake speech synthesis: order, pause/resume, speed, stop, voices. */
import { describe, expect, it } from 'vitest';
import { chooseVoice, ReadAloudPlayer, type PlayerState } from '../../src/app/read-aloud/player.ts';

type Fake = { text: string; lang: string; rate: number; voice: SpeechSynthesisVoice | null; onend: (() => void) | null; onerror: ((e: { error: string }) => void) | null };
const voice = (lang: string, extra: Partial<SpeechSynthesisVoice> = {}) => ({ lang, name: lang, default: false, localService: true, voiceURI: lang, ...extra }) as SpeechSynthesisVoice;

function setUp(voices: SpeechSynthesisVoice[] = [voice('en-GB'), voice('en-US', { default: true }), voice('fr-CA')]) {
  const calls: string[] = [];
  const spoken: Fake[] = [];
  const synth = {
    speak: (u: Fake) => (calls.push(`speak ${u.text}`), spoken.push(u)),
    cancel: () => calls.push('cancel'),
    pause: () => calls.push('pause'),
    resume: () => calls.push('resume'),
    getVoices: () => voices,
  };
  const states: PlayerState[] = [];
  const marks: (string | null)[] = [];
  const parts = [
    { text: 'One', lang: 'en', target: 'a' },
    { text: 'Deux', lang: 'fr', target: 'b' },
  ];
  const player = new ReadAloudPlayer(
    synth as unknown as SpeechSynthesis,
    parts,
    { state: (s) => states.push(s), part: (t) => marks.push(t) },
    (text) => ({ text, lang: '', rate: 1, voice: null, onend: null, onerror: null }) as unknown as SpeechSynthesisUtterance,
  );
  return { player, calls, spoken, states, marks };
}

describe('ReadAloudPlayer', () => {
  it('reads the parts in order, each with its language and a matching voice, marking each', () => {
    const { player, spoken, states, marks } = setUp();
    player.play();
    spoken[0]!.onend!();
    spoken[1]!.onend!();
    expect(spoken.map((u) => [u.text, u.lang, u.voice?.lang])).toEqual([
      ['One', 'en', 'en-US'],
      ['Deux', 'fr', 'fr-CA'],
    ]);
    expect(marks).toEqual(['a', 'b', null]);
    expect(states).toEqual(['playing', 'idle']);
  });

  it('pauses and resumes; a new speed restarts the current part; stop ignores late events', () => {
    const { player, calls, spoken } = setUp();
    player.play();
    player.pause();
    player.resume();
    player.setRate(1.5);
    expect(spoken.map((u) => [u.text, u.rate])).toEqual([
      ['One', 1],
      ['One', 1.5],
    ]);
    spoken[0]!.onend!(); // the cancelled first utterance ending late
    expect(spoken).toHaveLength(2);
    player.stop();
    spoken[1]!.onerror!({ error: 'interrupted' });
    spoken[1]!.onend!();
    expect(spoken).toHaveLength(2);
    expect(calls).toEqual(['cancel', 'speak One', 'pause', 'resume', 'cancel', 'speak One', 'cancel']);
    expect(player.state).toBe('idle');
  });

  it('stops when synthesis fails (no voice) instead of running through the parts', () => {
    const { player, spoken, marks } = setUp();
    player.play();
    spoken[0]!.onerror!({ error: 'synthesis-failed' });
    expect(spoken).toHaveLength(1);
    expect(player.state).toBe('idle');
    expect(marks.at(-1)).toBeNull();
  });

  it('chooses the region’s voice, else the language’s, else none', () => {
    const voices = [voice('en-GB'), voice('en_US', { default: true }), voice('fr-FR')];
    expect(chooseVoice(voices, 'en-GB')?.lang).toBe('en-GB');
    expect(chooseVoice(voices, 'en')?.lang).toBe('en_US');
    expect(chooseVoice(voices, 'fr-CA')?.lang).toBe('fr-FR');
    expect(chooseVoice(voices, 'de')).toBeNull();
  });
});
