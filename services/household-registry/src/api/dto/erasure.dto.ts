import { ApiProperty } from '@nestjs/swagger';
import { IsString, Length, Matches } from 'class-validator';

/** Body of "erase a household's personal data". */
export class ErasePersonalDataDto {
  @ApiProperty({
    description:
      '删除原因（如个人信息保护法第47条的删除请求编号），记入该户事件流；勿填姓名、身份证号 / why (e.g. the PIPL art. 47 request number), recorded in the household’s stream; no names or ID numbers',
    minLength: 1,
    maxLength: 500,
    pattern: '\\S',
  })
  @IsString()
  @Length(1, 500)
  @Matches(/\S/)
  reason!: string;
}
