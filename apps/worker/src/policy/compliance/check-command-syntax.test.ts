import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { checkCommandSyntax } from './check-command-syntax.ts';
import { readVerb, type TCommandFacts } from './command-facts.ts';

const facts = (text: string) => ({ text, verb: readVerb(text) }) as TCommandFacts;

describe('checkCommandSyntax', () => {
  for (const line of [
    'HELO client.example',
    'EHLO [192.0.2.1]',
    'MAIL FROM:<alice@sender.example>',
    'mail from:<alice@sender.example>',
    'MAIL FROM: <alice@sender.example>',
    'MAIL FROM:<>',
    'MAIL FROM:<alice@sender.example> SIZE=1024 BODY=8BITMIME',
    'MAIL FROM:<"quoted local"@sender.example>',
    'MAIL FROM:<alice@[IPv6:2001:db8::1]>',
    'RCPT TO:<postmaster>',
    'RCPT TO:<Postmaster>',
    'RCPT TO:<@a.example,@b.example:bob@protected.example>',
    'DATA',
    'RSET ',
    'QUIT',
    'NOOP anything at all',
    'VRFY bob',
    'XYZZY is not judged here',
  ]) {
    it(`should accept "${line}"`, () => {
      assert.equal(checkCommandSyntax(facts(line)), null);
    });
  }

  for (const line of [
    'HELO',
    'HELO two words',
    'EHLO',
    'MAIL alice@sender.example',
    'MAIL FROM alice@sender.example',
    'MAIL FROM:alice@sender.example',
    'MAIL FROM:<alice>',
    'MAIL FROM:<alice@sender..example>',
    'MAIL FROM:<.alice@sender.example>',
    'MAIL FROM:<alice@-sender.example>',
    'MAIL FROM:<alice@sender.example',
    'MAIL FROM:<alice@sender.example> SIZE=',
    'MAIL FROM:<alice@sender.example> =1',
    'MAIL FROM:<alice@sender.example>SIZE=1',
    'MAIL FROM:<alicé@sender.example>',
    'RCPT TO:<bob>',
    'RCPT TO:',
    'DATA now',
    'QUIT please',
    'STARTTLS now',
    'VRFY',
  ]) {
    it(`should refuse "${line}"`, () => {
      assert.equal(checkCommandSyntax(facts(line))?.violation, 'rfc_syntax');
    });
  }
});

describe('readVerb', () => {
  it('should take the first word however it is spelled', () => {
    assert.equal(readVerb('vrfy bob'), 'VRFY');
    assert.equal(readVerb('  Vrfy\tbob'), 'VRFY');
    assert.equal(readVerb('VRFY'), 'VRFY');
    assert.equal(readVerb(''), '');
  });
});
