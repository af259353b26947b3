// The preview frame: the selected page as the studio renders it at the commit last
// read or saved, so it reloads whenever a save moves the branch (v= changes).
import { Heading, Paragraph } from '@digdir/designsystemet-react';
import { useState } from 'react';
import { SelectField } from '../../ui/SelectField';
import { useClient } from '../../ui/kit';

const LANGS = [
  { value: 'nb', label: 'Bokmål (nb)' },
  { value: 'nn', label: 'Nynorsk (nn)' },
  { value: 'en', label: 'English (en)' },
];

export function Preview(props: { org: string; app: string; set: string; page: string; commit: string; dirty: boolean }) {
  const client = useClient();
  const [lang, setLang] = useState('nb');
  return (
    <section aria-labelledby="preview-h" className="stack preview">
      <Heading level={2} data-size="sm" id="preview-h">
        Preview
      </Heading>
      <SelectField label="Preview language" value={lang} options={LANGS} onChange={setLang} />
      {props.dirty && <Paragraph data-size="sm">The preview shows the page as last saved.</Paragraph>}
      <iframe
        title="Preview"
        className="preview-frame"
        src={client.previewUrl(props.org, props.app, props.set, props.page, lang, props.commit)}
      />
    </section>
  );
}
