import { describe, expect, it } from 'vitest';
import { manifest12, manifest2004 } from '../../../src/lib/scorm/manifest';

const info = { identifier: 'smkurss-lv-scorm12', title: 'Sociālie mediji & valsts pārvalde', launch: 'scorm-launch.html', files: ['lv/index.html', 'scorm-launch.html'] };

describe('SCORM manifests', () => {
  it('give SCORM 1.2 no mastery score, so the LMS cannot turn the average score into passed or failed', () => {
    const xml = manifest12(info);
    expect(xml).not.toMatch(/masteryscore/i);
    expect(xml).toContain('<schemaversion>1.2</schemaversion>');
    expect(xml).toContain('adlcp:scormtype="sco" href="scorm-launch.html"');
  });

  it('give SCORM 2004 no measure to be satisfied by: no objective, no minimum measure, no completion threshold', () => {
    const xml = manifest2004(info);
    expect(xml).not.toMatch(/minNormalizedMeasure|satisfiedByMeasure="true"|completionThreshold|primaryObjective/);
    expect(xml).toContain('<schemaversion>2004 4th Edition</schemaversion>');
  });

  it('let only the course set completion and success in SCORM 2004', () => {
    expect(manifest2004(info)).toContain('<imsss:deliveryControls completionSetByContent="true" objectiveSetByContent="true"/>');
  });

  it('list every file and escape the title', () => {
    for (const xml of [manifest12(info), manifest2004(info)]) {
      expect(xml).toContain('<title>Sociālie mediji &amp; valsts pārvalde</title>');
      expect([...xml.matchAll(/<file href="([^"]+)"/g)].map((m) => m[1])).toEqual(info.files);
      expect(xml).not.toMatch(/\n\s*\n/); // no blank line where the 1.2 item used to hold the mastery score
    }
  });
});
