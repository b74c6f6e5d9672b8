import { phpStripTags } from './phpStripTags';

describe('phpStripTags', () => {
  it('removes tags and keeps text', () => {
    expect(phpStripTags('<b>bold</b> text')).toBe('bold text');
    expect(phpStripTags('<a href="x">link</a>')).toBe('link');
  });

  it('keeps a < that is followed by whitespace', () => {
    expect(phpStripTags('a < b')).toBe('a < b');
    expect(phpStripTags('a <\nb')).toBe('a <\nb');
    expect(phpStripTags('1 <\t2 > 0')).toBe('1 <\t2 > 0');
  });

  it('lets an unclosed tag swallow the rest', () => {
    expect(phpStripTags('John<Doe')).toBe('John');
    expect(phpStripTags('a<')).toBe('a');
  });

  it('does not end a tag on a quoted >', () => {
    expect(phpStripTags('<a title=">">x</a>y')).toBe('xy');
    expect(phpStripTags("<a title='>'>x")).toBe('x');
  });

  it('counts nested < inside a tag', () => {
    expect(phpStripTags('<a <b> c> d')).toBe(' d');
  });

  it('removes comments, PHP blocks and declarations', () => {
    expect(phpStripTags('a<!-- x > y -->b')).toBe('ab');
    expect(phpStripTags('a<?php echo "?>"; ?>b')).toBe('ab');
    expect(phpStripTags('a<?php f(">"); ?>b')).toBe('ab');
    expect(phpStripTags('a<!DOCTYPE html>b')).toBe('ab');
    expect(phpStripTags('a<?xml version="1.0"?>b')).toBe('ab');
  });

  it('drops NUL characters and keeps non-ASCII text', () => {
    expect(phpStripTags('a\0b')).toBe('ab');
    expect(phpStripTags('<p>Jörg €</p>')).toBe('Jörg €');
  });

  it('keeps a stray > outside tags', () => {
    expect(phpStripTags('a > b')).toBe('a > b');
  });
});
