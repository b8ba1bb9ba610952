/**
 * `imsmanifest.xml` for a course package, written from the compiled course: one organization,
 * one item, one SCO resource that launches the player and lists every file of the package.
 *
 * - SCORM 1.2: IMS CP 1.1.2 with the ADL 1.2 extension; `adlcp:masteryscore` (0–100) when the
 *   course has a passing score.
 * - SCORM 2004 4th Edition: IMS CP 1.1.4 with the ADL v1p3 extensions; when the course has a
 *   passing score, the item's primary objective is satisfied by measure with
 *   `imsss:minNormalizedMeasure` = passing score / 100 (the LMS's `cmi.scaled_passing_score`).
 *   The LMS's own Previous/Continue buttons are hidden: the player has its own navigation.
 */
import type { CompiledCourse } from '../../content/types.ts';
import type { ScormVersion } from './formats.ts';

/** Schema files each edition's manifest refers to (all shipped at the zip root). */
export const SCHEMA_FILES: Record<ScormVersion, { folder: string; files: readonly string[] }> = {
  '1.2': {
    folder: 'scorm12',
    files: ['imscp_rootv1p1p2.xsd', 'adlcp_rootv1p2.xsd', 'imsmd_rootv1p2p1.xsd', 'ims_xml.xsd'],
  },
  '2004': {
    folder: 'scorm2004-4th',
    files: [
      'imscp_v1p1.xsd',
      'adlcp_v1p3.xsd',
      'adlseq_v1p3.xsd',
      'adlnav_v1p3.xsd',
      'imsss_v1p0.xsd',
      'imsss_v1p0auxresource.xsd',
      'imsss_v1p0control.xsd',
      'imsss_v1p0delivery.xsd',
      'imsss_v1p0limit.xsd',
      'imsss_v1p0objective.xsd',
      'imsss_v1p0random.xsd',
      'imsss_v1p0rollup.xsd',
      'imsss_v1p0seqrule.xsd',
      'imsss_v1p0util.xsd',
      'xml.xsd',
      'XMLSchema.dtd',
      'datatypes.dtd',
    ],
  },
};

/** The page the LMS launches (relative to the package root). */
export const LAUNCH_FILE = 'index.html';

/** Escapes text for XML content and attribute values. */
export function xmlEscape(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;').replace(/'/g, '&apos;');
}

/** An XML ID (xs:ID: starts with a letter or underscore, no spaces or colons). */
function xmlId(text: string): string {
  const cleaned = text.replace(/[^A-Za-z0-9_.-]/g, '-');
  return /^[A-Za-z_]/.test(cleaned) ? cleaned : `_${cleaned}`;
}

export interface ManifestOptions {
  /** Every file of the package except the manifest and schema files, relative, with `/`. */
  files: readonly string[];
  /** Manifest version attribute (the player's version). */
  packageVersion?: string;
}

function fileList(files: readonly string[], indent: string): string {
  return [...files]
    .sort((a, b) => (a === LAUNCH_FILE ? -1 : b === LAUNCH_FILE ? 1 : a.localeCompare(b)))
    .map((file) => `${indent}<file href="${xmlEscape(encodeURI(file))}"/>`)
    .join('\n');
}

/**
 * The manifest for one edition.
 *
 * @example
 * scormManifest(course, '2004', { files: ['index.html', 'assets/index-3f2a.js'] })
 */
export function scormManifest(course: CompiledCourse, version: ScormVersion, options: ManifestOptions): string {
  const id = xmlId(`${course.id}-${version === '1.2' ? 'scorm12' : 'scorm2004'}`);
  const title = xmlEscape(course.title);
  const passing = course.completion.passingScore;
  const files = fileList(options.files, '      ');
  const packageVersion = xmlEscape(options.packageVersion ?? '1.0');
  const org = xmlId(`${course.id}-org`);
  const item = xmlId(`${course.id}-item`);
  const resource = xmlId(`${course.id}-sco`);
  /** The metadata and the opening of the one organization and item: the same in both editions. */
  const head = (schemaVersion: string) => `  <metadata>
    <schema>ADL SCORM</schema>
    <schemaversion>${schemaVersion}</schemaversion>
  </metadata>
  <organizations default="${org}">
    <organization identifier="${org}">
      <title>${title}</title>
      <item identifier="${item}" identifierref="${resource}" isvisible="true">
        <title>${title}</title>`;

  if (version === '1.2') {
    const mastery = passing === undefined ? '' : `\n        <adlcp:masteryscore>${Math.round(passing)}</adlcp:masteryscore>`;
    return `<?xml version="1.0" encoding="UTF-8"?>
<manifest identifier="${id}" version="${packageVersion}"
  xmlns="http://www.imsproject.org/xsd/imscp_rootv1p1p2"
  xmlns:adlcp="http://www.adlnet.org/xsd/adlcp_rootv1p2"
  xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance"
  xsi:schemaLocation="http://www.imsproject.org/xsd/imscp_rootv1p1p2 imscp_rootv1p1p2.xsd http://www.imsglobal.org/xsd/imsmd_rootv1p2p1 imsmd_rootv1p2p1.xsd http://www.adlnet.org/xsd/adlcp_rootv1p2 adlcp_rootv1p2.xsd">
${head('1.2')}${mastery}
      </item>
    </organization>
  </organizations>
  <resources>
    <resource identifier="${resource}" type="webcontent" adlcp:scormtype="sco" href="${LAUNCH_FILE}">
${files}
    </resource>
  </resources>
</manifest>
`;
  }

  const objective =
    passing === undefined
      ? ''
      : `
        <imsss:sequencing>
          <imsss:objectives>
            <imsss:primaryObjective objectiveID="${xmlId(`${course.id}-passed`)}" satisfiedByMeasure="true">
              <imsss:minNormalizedMeasure>${Number((passing / 100).toFixed(4))}</imsss:minNormalizedMeasure>
            </imsss:primaryObjective>
          </imsss:objectives>
        </imsss:sequencing>`;
  return `<?xml version="1.0" encoding="UTF-8"?>
<manifest identifier="${id}" version="${packageVersion}"
  xmlns="http://www.imsglobal.org/xsd/imscp_v1p1"
  xmlns:adlcp="http://www.adlnet.org/xsd/adlcp_v1p3"
  xmlns:adlseq="http://www.adlnet.org/xsd/adlseq_v1p3"
  xmlns:adlnav="http://www.adlnet.org/xsd/adlnav_v1p3"
  xmlns:imsss="http://www.imsglobal.org/xsd/imsss"
  xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance"
  xsi:schemaLocation="http://www.imsglobal.org/xsd/imscp_v1p1 imscp_v1p1.xsd http://www.adlnet.org/xsd/adlcp_v1p3 adlcp_v1p3.xsd http://www.adlnet.org/xsd/adlseq_v1p3 adlseq_v1p3.xsd http://www.adlnet.org/xsd/adlnav_v1p3 adlnav_v1p3.xsd http://www.imsglobal.org/xsd/imsss imsss_v1p0.xsd">
${head('2004 4th Edition')}${objective}
        <adlnav:presentation>
          <adlnav:navigationInterface>
            <adlnav:hideLMSUI>previous</adlnav:hideLMSUI>
            <adlnav:hideLMSUI>continue</adlnav:hideLMSUI>
          </adlnav:navigationInterface>
        </adlnav:presentation>
      </item>
    </organization>
  </organizations>
  <resources>
    <resource identifier="${resource}" type="webcontent" adlcp:scormType="sco" href="${LAUNCH_FILE}">
${files}
    </resource>
  </resources>
</manifest>
`;
}
