/**
 * Reads a list of texts aloud with the browser's speech synthesis (device voices, so it works
 * offline), one utterance at a time so the page can mark the part being read and a speed change
 * can restart the current part. No DOM or React here: `synth` is `window.speechSynthesis` (or a
 * stand-in in tests).
 */
export interface SpokenPart {
  text: string;
  /** BCP 47 language of the text; a matching voice is chosen. */
  lang: string;
  /** What the page marks while this part is read. */
  target: string;
}

export type PlayerState = 'idle' | 'playing' | 'paused';

export interface PlayerEvents {
  state: (state: PlayerState) => void;
  /** The part now being read, or `null` when reading has ended or stopped. */
  part: (target: string | null) => void;
}

type Synth = Pick<SpeechSynthesis, 'speak' | 'cancel' | 'pause' | 'resume' | 'getVoices'>;

export class ReadAloudPlayer {
  private index = 0;
  /** Bumped on every start, stop and restart, so events of a cancelled utterance are ignored. */
  private generation = 0;
  private current: PlayerState = 'idle';
  rate = 1;

  constructor(
    private readonly synth: Synth,
    private readonly parts: readonly SpokenPart[],
    private readonly events: PlayerEvents,
    private readonly makeUtterance: (text: string) => SpeechSynthesisUtterance = (text) => new SpeechSynthesisUtterance(text),
  ) {}

  get state(): PlayerState {
    return this.current;
  }

  play(): void {
    this.generation += 1;
    this.synth.cancel();
    this.index = 0;
    this.setState('playing');
    this.speakCurrent();
  }

  pause(): void {
    if (this.current !== 'playing') return;
    this.synth.pause();
    this.setState('paused');
  }

  resume(): void {
    if (this.current !== 'paused') return;
    this.synth.resume();
    this.setState('playing');
  }

  stop(): void {
    this.generation += 1;
    this.synth.cancel();
    if (this.current !== 'idle') this.setState('idle');
    this.events.part(null);
  }

  /** A new speed applies at once: the part being read starts again at that speed. */
  setRate(rate: number): void {
    this.rate = rate;
    if (this.current !== 'playing') return;
    this.generation += 1;
    this.synth.cancel();
    this.speakCurrent();
  }

  private setState(state: PlayerState) {
    this.current = state;
    this.events.state(state);
  }

  private speakCurrent() {
    const part = this.parts[this.index];
    if (!part) {
      this.setState('idle');
      this.events.part(null);
      return;
    }
    const generation = ++this.generation;
    const utterance = this.makeUtterance(part.text);
    utterance.lang = part.lang;
    utterance.rate = this.rate;
    const voice = chooseVoice(this.synth.getVoices(), part.lang);
    if (voice) utterance.voice = voice;
    const next = () => {
      if (generation !== this.generation) return;
      this.index += 1;
      this.speakCurrent();
    };
    utterance.onend = next;
    utterance.onerror = (event) => {
      if (generation !== this.generation || event.error === 'interrupted' || event.error === 'canceled') return;
      // No voice, or synthesis failed: stop rather than run through every part unheard.
      this.stop();
    };
    this.events.part(part.target);
    this.synth.speak(utterance);
  }
}

/** A voice for `lang`: same language and region first, then same language; the device default, then a local one. */
export function chooseVoice(voices: readonly SpeechSynthesisVoice[], lang: string): SpeechSynthesisVoice | null {
  const norm = (value: string) => value.toLowerCase().replace(/_/g, '-');
  const wanted = norm(lang);
  const base = wanted.split('-')[0];
  const pick = (list: SpeechSynthesisVoice[]) => list.find((v) => v.default) ?? list.find((v) => v.localService) ?? list[0];
  return (
    pick(voices.filter((v) => norm(v.lang) === wanted)) ??
    pick(voices.filter((v) => norm(v.lang).split('-')[0] === base)) ??
    null
  );
}
