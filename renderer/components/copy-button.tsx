import { useState } from 'react';

export function CopyButton(props: { text: string; label: string }) {
  const [copied, setCopied] = useState<'idle' | 'copied' | 'failed'>('idle');
  return (
    <button
      type="button"
      className="button"
      onClick={() => {
        navigator.clipboard.writeText(props.text).then(
          () => setCopied('copied'),
          () => setCopied('failed'),
        );
        setTimeout(() => setCopied('idle'), 2_500);
      }}
    >
      {/* The label keeps its width so the row doesn't jump when it changes. */}
      <span className="fixed-label" aria-live="polite">
        {copied === 'copied' ? 'Copied' : copied === 'failed' ? 'Select and copy' : props.label}
      </span>
    </button>
  );
}
