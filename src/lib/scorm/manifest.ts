const xml = (text: string) => text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

export interface PackageInfo {
  identifier: string;
  title: string;
  launch: string;
  files: string[];
}

/*
 * Neither manifest carries a pass mark. The course alone decides a pass (every module passed) and
 * says so through the status it reports; a pass mark here would let the LMS decide from the score.
 * SCORM 1.2's `adlcp:masteryscore` did exactly that in Moodle 4.5 ("Mastery score overrides status",
 * on by default): at 7 of 8 modules (average 88) it stored `passed`, after one module `failed`
 * (../shared/reviews/moodle.md). In 2004 Moodle copies any `minNormalizedMeasure` of the primary
 * objective into `cmi.scaled_passing_score` whatever `satisfiedByMeasure` says, and defaults it to
 * 1.0 when the objective is declared without one, so the 2004 manifest declares no objective at all.
 */

/** The single item and the single SCO resource listing every file; only names differ by version. */
function body(p: PackageInfo, itemExtra: string, scormTypeAttribute: string): string {
  return `  <organizations default="org">
    <organization identifier="org">
      <title>${xml(p.title)}</title>
      <item identifier="item" identifierref="sco" isvisible="true">
        <title>${xml(p.title)}</title>
${itemExtra ? `${itemExtra}\n` : ''}      </item>
    </organization>
  </organizations>
  <resources>
    <resource identifier="sco" type="webcontent" ${scormTypeAttribute}="sco" href="${xml(p.launch)}">
${p.files.map((f) => `      <file href="${xml(f)}"/>`).join('\n')}
    </resource>
  </resources>
</manifest>
`;
}

/** imsmanifest.xml for SCORM 1.2 (IMS CP 1.1.2, ADL CP 1.2). */
export function manifest12(p: PackageInfo): string {
  return `<?xml version="1.0" encoding="UTF-8"?>
<manifest identifier="${xml(p.identifier)}" version="1.0"
  xmlns="http://www.imsproject.org/xsd/imscp_rootv1p1p2"
  xmlns:adlcp="http://www.adlnet.org/xsd/adlcp_rootv1p2"
  xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance"
  xsi:schemaLocation="http://www.imsproject.org/xsd/imscp_rootv1p1p2 imscp_rootv1p1p2.xsd http://www.imsglobal.org/xsd/imsmd_rootv1p2p1 imsmd_rootv1p2p1.xsd http://www.adlnet.org/xsd/adlcp_rootv1p2 adlcp_rootv1p2.xsd">
  <metadata>
    <schema>ADL SCORM</schema>
    <schemaversion>1.2</schemaversion>
  </metadata>
${body(p, '', 'adlcp:scormtype')}`;
}

/** imsmanifest.xml for SCORM 2004 4th Edition (IMS CP 1.1, ADL CP/SEQ/NAV 1.3, IMS SS). */
export function manifest2004(p: PackageInfo): string {
  return `<?xml version="1.0" encoding="UTF-8"?>
<manifest identifier="${xml(p.identifier)}" version="1"
  xmlns="http://www.imsglobal.org/xsd/imscp_v1p1"
  xmlns:adlcp="http://www.adlnet.org/xsd/adlcp_v1p3"
  xmlns:adlseq="http://www.adlnet.org/xsd/adlseq_v1p3"
  xmlns:adlnav="http://www.adlnet.org/xsd/adlnav_v1p3"
  xmlns:imsss="http://www.imsglobal.org/xsd/imsss"
  xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance"
  xsi:schemaLocation="http://www.imsglobal.org/xsd/imscp_v1p1 imscp_v1p1.xsd http://www.adlnet.org/xsd/adlcp_v1p3 adlcp_v1p3.xsd http://www.adlnet.org/xsd/adlseq_v1p3 adlseq_v1p3.xsd http://www.adlnet.org/xsd/adlnav_v1p3 adlnav_v1p3.xsd http://www.imsglobal.org/xsd/imsss imsss_v1p0.xsd">
  <metadata>
    <schema>ADL SCORM</schema>
    <schemaversion>2004 4th Edition</schemaversion>
  </metadata>
${body(
    p,
    // Set by content: without these (both default to false) an LMS that runs full sequencing marks
    // the activity completed and satisfied when an attempt ends without a status from the course.
    `        <imsss:sequencing>
          <imsss:deliveryControls completionSetByContent="true" objectiveSetByContent="true"/>
        </imsss:sequencing>`,
    'adlcp:scormType',
  )}`;
}
